use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::parts::{PartDto, PartQuery};
use aftersales_persistence::parts::{self, PartFilter};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::pagination;
use crate::state::AppState;
use crate::use_cases::parts::{cursor_key, part_out};
use crate::use_cases::tickets::work::decode_code_cursor;

/// List the parts catalogue by SKU: of a brand, fitting a product model, of a
/// component, or matching a search over SKU and name.
#[utoipa::path(
    get, path = "/api/v1/parts", tag = "parts", operation_id = "list_parts",
    security(("bearer" = [])),
    params(PartQuery),
    responses((status = 200, description = "One page of parts", body = Page<PartDto>)),
)]
#[get("/api/v1/parts")]
pub async fn list_parts(
    state: web::Data<AppState>,
    _: Authorized<need::ViewParts>,
    ValidatedQuery(query): ValidatedQuery<PartQuery>,
) -> Result<HttpResponse, ApiError> {
    let limit = pagination::limit(query.limit);
    let filter = PartFilter {
        brand_id: query.brand_id,
        model_id: query.model_id,
        component_code: query.component_code,
        q: query.q,
        active: query.active,
        after: decode_code_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = parts::list(&state.db, filter).await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, cursor_key, part_out)))
}
