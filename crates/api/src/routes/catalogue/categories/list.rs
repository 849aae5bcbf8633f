use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::catalogue::{CategoryDto, CategoryQuery};
use aftersales_persistence::catalogue::categories::{self, CategoryFilter};

use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::pagination;
use crate::state::AppState;

/// List product categories, by code.
#[utoipa::path(
    get, path = "/api/v1/product-categories", tag = "catalogue", operation_id = "list_product_categories",
    security(("bearer" = [])),
    params(CategoryQuery),
    responses((status = 200, description = "One page of categories", body = Page<CategoryDto>)),
)]
#[get("/api/v1/product-categories")]
pub async fn list_categories(
    state: web::Data<AppState>,
    _: Authorized<need::ViewCatalogue>,
    ValidatedQuery(query): ValidatedQuery<CategoryQuery>,
) -> Result<HttpResponse, ApiError> {
    let limit = pagination::limit(query.limit);
    let filter = CategoryFilter {
        q: query.q,
        parent_id: query.parent_id,
        active: query.active,
        after_code: pagination::decode_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = categories::list(&state.db, filter).await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, |c| c.code.clone(), dto::category_out)))
}
