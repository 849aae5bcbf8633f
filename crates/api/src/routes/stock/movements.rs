use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::stock::{MovementDto, StockQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::stock::movements;

/// The ledger of a warehouse (one part with `part_id`), oldest first. Append-only:
/// its quantities add up to the stock on hand.
#[utoipa::path(
    get, path = "/api/v1/stock/movements", tag = "stock", operation_id = "list_stock_movements",
    security(("bearer" = [])),
    params(StockQuery),
    responses((status = 200, description = "One page of movements", body = Page<MovementDto>))
)]
#[get("/api/v1/stock/movements")]
pub async fn list_stock_movements(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    ValidatedQuery(query): ValidatedQuery<StockQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(movements::list(&state.db, &me, query).await?))
}
