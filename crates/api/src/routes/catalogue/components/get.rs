use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::catalogue::ComponentDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::etag;
use crate::state::AppState;
use crate::use_cases::catalogue::components::get::get;

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
    Authorized(me, ..): Authorized<need::ViewCatalogue>,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (model_id, component_id) = path.into_inner();
    let component = get(&state.db, &me, model_id, component_id).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(component.version))).json(component))
}
