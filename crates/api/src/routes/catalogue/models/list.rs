use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::catalogue::{ProductModelDto, ProductModelQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::catalogue::models::list::list;

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
    Authorized(me, ..): Authorized<need::ViewCatalogue>,
    ValidatedQuery(query): ValidatedQuery<ProductModelQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(list(&state.db, &me, query).await?))
}
