use actix_web::{HttpResponse, delete, web};
use aftersales_api_types::Problem;
use aftersales_persistence::begin_write;
use aftersales_persistence::tickets::{labour, service_items};
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::{ApiError, NotFoundAs};
use crate::extract::RequestId;
use crate::state::AppState;
use crate::use_cases::service_items::ENTITY;
use crate::use_cases::tickets::work::service_item_out;

/// Delete a service item no labour line was taken from; one in use answers 409:
/// retire it with `active: false` instead.
#[utoipa::path(
    delete, path = "/api/v1/service-items/{id}", tag = "service-catalogue", operation_id = "delete_service_item",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Service item id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such item", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Labour lines were taken from the item", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/api/v1/service-items/{id}")]
pub async fn delete_service_item(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ConfigureTickets>,
    request_id: RequestId,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let txn = begin_write(&state.db).await?;
    let item = service_items::find(&txn, *id).await.or_not_found("service item")?;
    let used = labour::count_of_item(&txn, item.id).await?;
    if used > 0 {
        return Err(ApiError::Conflict(format!(
            "{used} labour line(s) were taken from service item {}; retire it with active: false instead",
            item.code
        )));
    }
    service_items::delete(&txn, item.id).await?;
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "service_item.delete",
            entity: ENTITY,
            entity_id: item.id,
            branch_id: None,
            before: snapshot(&service_item_out(&item)),
            after: None,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
