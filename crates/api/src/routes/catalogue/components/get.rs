use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::catalogue::ComponentDto;
use aftersales_persistence::catalogue::components;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::{ApiError, NotFoundAs};
use crate::extract::etag;
use crate::state::AppState;

/// One component of a product model.
#[utoipa::path(
    get, path = "/api/v1/product-models/{id}/components/{component_id}", tag = "catalogue", operation_id = "get_component",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Product model id"),
        ("component_id" = Uuid, Path, description = "Component id"),
    ),
    responses(
        (status = 200, description = "The component", body = ComponentDto, headers(("ETag" = String, description = "Version, for If-Match"))),
        (status = 404, description = "No such component of this model", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/product-models/{id}/components/{component_id}")]
pub async fn get_component(
    state: web::Data<AppState>,
    _: Authorized<need::ViewCatalogue>,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (model_id, component_id) = path.into_inner();
    let component = components::find(&state.db, model_id, component_id).await.or_not_found("component")?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(component.version))).json(dto::component_out(&component)))
}
