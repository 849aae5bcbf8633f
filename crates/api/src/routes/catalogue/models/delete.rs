use actix_web::{HttpResponse, delete, web};
use aftersales_api_types::Problem;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::RequestId;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::catalogue::models::delete::delete;

/// Delete a product model with its components, unless something refers to it
/// (otherwise mark it inactive).
#[utoipa::path(
    delete, path = "/api/v1/product-models/{id}", tag = "catalogue", operation_id = "delete_product_model",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Product model id")),
    responses(
        (status = 204, description = "Deleted, with its components"),
        (status = 404, description = "No such product model", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The model is still referenced", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/api/v1/product-models/{id}")]
pub async fn delete_product_model(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCatalogue>,
    request_id: RequestId,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    delete(&state.db, &Actor::once(me, request_id), *id).await?;
    Ok(HttpResponse::NoContent().finish())
}
