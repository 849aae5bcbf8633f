use actix_web::{HttpResponse, get, web};
use aftersales_api_types::stock::{StockDto, StockQuery};
use aftersales_persistence::stock;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::stock::{ensure_warehouse_in_scope, line_out};

/// Stock on hand of a warehouse (one part with `part_id`), by part.
#[utoipa::path(
    get, path = "/api/v1/stock", tag = "stock", operation_id = "list_stock",
    security(("bearer" = [])),
    params(StockQuery),
    responses((status = 200, description = "Stock per part", body = Vec<StockDto>))
)]
#[get("/api/v1/stock")]
pub async fn list_stock(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    ValidatedQuery(query): ValidatedQuery<StockQuery>,
) -> Result<HttpResponse, ApiError> {
    ensure_warehouse_in_scope(&state.db, &me, query.warehouse_id).await?;
    let lines = stock::balances(&state.db, query.warehouse_id, query.part_id).await?;
    Ok(HttpResponse::Ok().json(lines.iter().map(line_out).collect::<Vec<_>>()))
}
