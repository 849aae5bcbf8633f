use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::fault_codes::{FaultCodeDto, FaultCodeQuery};
use aftersales_persistence::tickets::fault_codes::{self, FaultCodeFilter};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::pagination;
use crate::state::AppState;
use crate::use_cases::tickets::work::{code_key, decode_code_cursor, fault_code_out, kind_str};

/// List codes by code, optionally of one kind and one product category.
#[utoipa::path(
    get, path = "/api/v1/fault-codes", tag = "service-catalogue", operation_id = "list_fault_codes",
    security(("bearer" = [])),
    params(FaultCodeQuery),
    responses((status = 200, description = "One page of codes", body = Page<FaultCodeDto>)),
)]
#[get("/api/v1/fault-codes")]
pub async fn list_fault_codes(
    state: web::Data<AppState>,
    _: Authorized<need::ViewTickets>,
    ValidatedQuery(query): ValidatedQuery<FaultCodeQuery>,
) -> Result<HttpResponse, ApiError> {
    let limit = pagination::limit(query.limit);
    let filter = FaultCodeFilter {
        kind: query.kind.map(|k| kind_str(k).to_owned()),
        category_id: query.category_id,
        active: query.active,
        after: decode_code_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = fault_codes::list(&state.db, filter).await?;
    let page = pagination::page(rows, limit, |c| code_key(&c.code, c.id), fault_code_out);
    let items = page.items.into_iter().collect::<Result<Vec<_>, _>>()?;
    Ok(HttpResponse::Ok().json(Page { items, next_cursor: page.next_cursor }))
}
