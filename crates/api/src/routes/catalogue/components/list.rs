use actix_web::{HttpResponse, get, web};
use aftersales_api_types::catalogue::ComponentDto;
use aftersales_api_types::page::ListQuery;
use aftersales_api_types::{Page, Problem};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::catalogue::components::list::list;

/// List the components of a product model, by code.
#[utoipa::path(
    get, path = "/api/v1/product-models/{id}/components", tag = "catalogue", operation_id = "list_components",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Product model id"), ListQuery),
    responses(
        (status = 200, description = "One page of components", body = Page<ComponentDto>),
        (status = 404, description = "No such product model", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/api/v1/product-models/{id}/components")]
pub async fn list_components(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewCatalogue>,
    id: web::Path<Uuid>,
    ValidatedQuery(query): ValidatedQuery<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(list(&state.db, &me, *id, query).await?))
}
