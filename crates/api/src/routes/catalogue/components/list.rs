use actix_web::{HttpResponse, get, web};
use aftersales_api_types::catalogue::ComponentDto;
use aftersales_api_types::page::ListQuery;
use aftersales_api_types::{Page, Problem};
use aftersales_persistence::catalogue::{components, models};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::{ApiError, NotFoundAs};
use crate::extract::ValidatedQuery;
use crate::pagination;
use crate::state::AppState;

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
    _: Authorized<need::ViewCatalogue>,
    id: web::Path<Uuid>,
    ValidatedQuery(query): ValidatedQuery<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let model = models::find(&state.db, *id).await.or_not_found("product model")?;
    let limit = pagination::limit(query.limit);
    let after_code = pagination::decode_cursor(query.cursor.as_deref())?;
    let rows = components::list(&state.db, model.id, after_code, limit).await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, |c| c.code.clone(), dto::component_out)))
}
