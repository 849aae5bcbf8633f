use actix_web::{HttpResponse, delete, web};
use aftersales_api_types::Problem;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::RequestId;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::catalogue::brands::delete::delete;

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
    delete(&state.db, &Actor::once(me, request_id), *id).await?;
    Ok(HttpResponse::NoContent().finish())
}
