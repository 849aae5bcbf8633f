use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::catalogue::{ProductModelDto, ProductModelQuery};
use aftersales_persistence::catalogue::models::{self, ModelFilter};

use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::pagination;
use crate::state::AppState;
use crate::use_cases::catalogue::models::{cursor_key, parse_cursor};

/// List product models, by SKU.
#[utoipa::path(
    get, path = "/api/v1/product-models", tag = "catalogue", operation_id = "list_product_models",
    security(("bearer" = [])),
    params(ProductModelQuery),
    responses((status = 200, description = "One page of product models", body = Page<ProductModelDto>)),
)]
#[get("/api/v1/product-models")]
pub async fn list_product_models(
    state: web::Data<AppState>,
    _: Authorized<need::ViewCatalogue>,
    ValidatedQuery(query): ValidatedQuery<ProductModelQuery>,
) -> Result<HttpResponse, ApiError> {
    let limit = pagination::limit(query.limit);
    let filter = ModelFilter {
        q: query.q,
        brand_id: query.brand_id,
        category_id: query.category_id,
        active: query.active,
        after: parse_cursor(pagination::decode_cursor(query.cursor.as_deref())?)?,
        limit,
    };
    let rows = models::list(&state.db, filter).await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, cursor_key, dto::product_model_out)))
}
