use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::stock::{StockLineDto, StockQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::stock::balances;

/// Stock on hand of a warehouse (one part with `part_id`), by SKU, each line with
/// the warehouse code and the part's SKU, name and currency.
#[utoipa::path(
    get, path = "/api/v1/stock", tag = "stock", operation_id = "list_stock",
    security(("bearer" = [])),
    params(StockQuery),
    responses((status = 200, description = "One page of stock per part", body = Page<StockLineDto>))
)]
#[get("/api/v1/stock")]
pub async fn list_stock(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    ValidatedQuery(query): ValidatedQuery<StockQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(balances::list(&state.db, &me, query).await?))
}
