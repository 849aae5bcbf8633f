use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::catalogue::{ComponentDto, CreateComponent};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::catalogue::components::create::create;

/// Add a component to a product model.
#[utoipa::path(
    post, path = "/api/v1/product-models/{id}/components", tag = "catalogue", operation_id = "create_component",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Product model id")),
    request_body = CreateComponent,
    responses(
        (status = 201, description = "Created", body = ComponentDto,
            headers(("Location" = String, description = "URL of the new component"), ("ETag" = String, description = "Version of the component"))),
        (status = 404, description = "No such product model", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The model already has a component with this code", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/product-models/{id}/components")]
pub async fn create_component(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCatalogue>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<CreateComponent>,
) -> Result<HttpResponse, ApiError> {
    let component = create(&state.db, &Actor::new(me, request_id, key), *id, body).await?;
    Ok(reply::created(
        component,
        |v| format!("/api/v1/product-models/{}/components/{}", v.model_id, v.id),
        |v| v.version,
    ))
}
