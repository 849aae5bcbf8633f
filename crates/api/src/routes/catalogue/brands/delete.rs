use actix_web::{HttpResponse, delete, web};
use aftersales_api_types::Problem;
use aftersales_persistence::begin_write;
use aftersales_persistence::catalogue::brands;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::{ApiError, NotFoundAs};
use crate::extract::RequestId;
use crate::state::AppState;
use crate::use_cases::catalogue::entity;

/// Delete a brand that has no models (otherwise mark it inactive).
#[utoipa::path(
    delete, path = "/api/v1/brands/{id}", tag = "catalogue", operation_id = "delete_brand",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Brand id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such brand", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The brand still has product models", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/api/v1/brands/{id}")]
pub async fn delete_brand(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCatalogue>,
    request_id: RequestId,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let txn = begin_write(&state.db).await?;
    let brand = brands::find(&txn, *id).await.or_not_found("brand")?;
    brands::delete(&txn, brand.id).await?;
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "brand.delete",
            entity: entity::BRAND,
            entity_id: brand.id,
            branch_id: None,
            before: snapshot(&dto::brand_out(&brand)),
            after: None,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
