use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::stock_reports::{StockMovementsReport, StockPeriodQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::reports::{stock_movements, workbook};

/// What moved during a period (days `from` to `to` included, at most 366, in each
/// warehouse's branch's time zone), from the ledger: per warehouse, part and kind
/// of movement the count and the quantities and values in and out; and per
/// warehouse and part the stock at the start and the end (closing = opening + in − out).
#[utoipa::path(
    get, path = "/api/v1/reports/stock-movements", tag = "reports", operation_id = "report_stock_movements",
    security(("bearer" = [])),
    params(StockPeriodQuery),
    responses(
        (status = 200, description = "The report", body = StockMovementsReport),
        (status = 409, description = "Too many lines; narrow the report", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/reports/stock-movements")]
pub async fn report_stock_movements(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    ValidatedQuery(query): ValidatedQuery<StockPeriodQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(stock_movements::report(&state.db, &me, query).await?))
}

/// The stock-movements report as an XLSX workbook (sheets `movements` and
/// `opening_closing`).
#[utoipa::path(
    get, path = "/api/v1/reports/stock-movements.xlsx", tag = "reports", operation_id = "report_stock_movements_xlsx",
    security(("bearer" = [])),
    params(StockPeriodQuery),
    responses(
        (status = 200, description = "The workbook (Content-Disposition: attachment)",
            content(("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 409, description = "Too many lines; narrow the report", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/reports/stock-movements.xlsx")]
pub async fn report_stock_movements_xlsx(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    ValidatedQuery(query): ValidatedQuery<StockPeriodQuery>,
) -> Result<HttpResponse, ApiError> {
    let report = stock_movements::report(&state.db, &me, query).await?;
    workbook::download("stock-movements.xlsx", stock_movements::sheets(report)).await
}
