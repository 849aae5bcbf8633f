use actix_web::{HttpResponse, delete, web};
use aftersales_api_types::Problem;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::RequestId;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::catalogue::categories::delete::delete;

/// Delete a category with no sub-categories and no models (otherwise mark it inactive).
#[utoipa::path(
    delete, path = "/api/v1/product-categories/{id}", tag = "catalogue", operation_id = "delete_product_category",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Category id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such category", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The category still has sub-categories or models", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/api/v1/product-categories/{id}")]
pub async fn delete_category(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCatalogue>,
    request_id: RequestId,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    delete(&state.db, &Actor::once(me, request_id), *id).await?;
    Ok(HttpResponse::NoContent().finish())
}
