use actix_web::{HttpResponse, delete, web};
use aftersales_api_types::Problem;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::RequestId;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::catalogue::components::delete::delete;

/// Remove a component from a product model, unless something refers to it.
#[utoipa::path(
    delete, path = "/api/v1/product-models/{id}/components/{component_id}", tag = "catalogue", operation_id = "delete_component",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Product model id"),
        ("component_id" = Uuid, Path, description = "Component id"),
    ),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such component of this model", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The component is still referenced", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/api/v1/product-models/{id}/components/{component_id}")]
pub async fn delete_component(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCatalogue>,
    request_id: RequestId,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (model_id, component_id) = path.into_inner();
    delete(&state.db, &Actor::once(me, request_id), model_id, component_id).await?;
    Ok(HttpResponse::NoContent().finish())
}
