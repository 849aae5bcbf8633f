use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::catalogue::{BrandDto, BrandQuery};
use aftersales_persistence::catalogue::brands::{self, BrandFilter};

use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::pagination;
use crate::state::AppState;

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
    _: Authorized<need::ViewCatalogue>,
    ValidatedQuery(query): ValidatedQuery<BrandQuery>,
) -> Result<HttpResponse, ApiError> {
    let limit = pagination::limit(query.limit);
    let filter = BrandFilter {
        q: query.q,
        active: query.active,
        after_code: pagination::decode_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = brands::list(&state.db, filter).await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, |b| b.code.clone(), dto::brand_out)))
}
