use actix_web::{HttpResponse, delete, web};
use aftersales_api_types::Problem;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::RequestId;
use crate::state::AppState;
use crate::use_cases::{Actor, service_items};

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
    service_items::delete::delete(&state.db, &Actor::once(me, request_id), *id).await?;
    Ok(HttpResponse::NoContent().finish())
}
