use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::catalogue::{BrandDto, BrandQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::catalogue::brands::list::list;

/// List brands, by code.
#[utoipa::path(
    get, path = "/api/v1/brands", tag = "catalogue", operation_id = "list_brands",
    security(("bearer" = [])),
    params(BrandQuery),
    responses((status = 200, description = "One page of brands", body = Page<BrandDto>)),
)]
#[get("/api/v1/brands")]
pub async fn list_brands(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewCatalogue>,
    ValidatedQuery(query): ValidatedQuery<BrandQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(list(&state.db, &me, query).await?))
}
