use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::stock_reports::{StockOnHandReport, StockReportQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::reports::{stock_on_hand, workbook};

/// Stock on hand per warehouse and part, with each warehouse's totals per
/// currency, over your branches' warehouses (or one branch's, or one warehouse).
#[utoipa::path(
    get, path = "/api/v1/reports/stock-on-hand", tag = "reports", operation_id = "report_stock_on_hand",
    security(("bearer" = [])),
    params(StockReportQuery),
    responses(
        (status = 200, description = "The report", body = StockOnHandReport),
        (status = 409, description = "Too many lines; narrow the report", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/reports/stock-on-hand")]
pub async fn report_stock_on_hand(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    ValidatedQuery(query): ValidatedQuery<StockReportQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(stock_on_hand::report(&state.db, &me, query).await?))
}

/// The stock-on-hand report as an XLSX workbook (sheets `stock_on_hand` and
/// `warehouse_totals`; values as decimal amounts of their currency).
#[utoipa::path(
    get, path = "/api/v1/reports/stock-on-hand.xlsx", tag = "reports", operation_id = "report_stock_on_hand_xlsx",
    security(("bearer" = [])),
    params(StockReportQuery),
    responses(
        (status = 200, description = "The workbook (Content-Disposition: attachment)",
            content(("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 409, description = "Too many lines; narrow the report", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/reports/stock-on-hand.xlsx")]
pub async fn report_stock_on_hand_xlsx(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    ValidatedQuery(query): ValidatedQuery<StockReportQuery>,
) -> Result<HttpResponse, ApiError> {
    let report = stock_on_hand::report(&state.db, &me, query).await?;
    workbook::download("stock-on-hand.xlsx", stock_on_hand::sheets(report)).await
}
