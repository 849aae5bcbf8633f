use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::catalogue::{CategoryDto, CategoryQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::catalogue::categories::list::list;

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
    Authorized(me, ..): Authorized<need::ViewCatalogue>,
    ValidatedQuery(query): ValidatedQuery<CategoryQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(list(&state.db, &me, query).await?))
}
