use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::catalogue::{ComponentDto, UpdateComponent};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::catalogue::components::update::update;

/// Rename a component of a product model (its code stays).
#[utoipa::path(
    patch, path = "/api/v1/product-models/{id}/components/{component_id}", tag = "catalogue", operation_id = "update_component",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Product model id"),
        ("component_id" = Uuid, Path, description = "Component id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; the update fails with 412 if the component changed since"),
    ),
    request_body = UpdateComponent,
    responses(
        (status = 200, description = "Updated", body = ComponentDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such component of this model", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The component changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/api/v1/product-models/{id}/components/{component_id}")]
pub async fn update_component(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCatalogue>,
    request_id: RequestId,
    path: web::Path<(Uuid, Uuid)>,
    ValidatedJson(body): ValidatedJson<UpdateComponent>,
    IfMatch(expected): IfMatch,
) -> Result<HttpResponse, ApiError> {
    let (model_id, component_id) = path.into_inner();
    let component = update(&state.db, &Actor::once(me, request_id), model_id, component_id, body, expected).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(component.version))).json(component))
}
