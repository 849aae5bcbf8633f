use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::stock_reports::{BelowReorderReport, StockReportQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::reports::{below_reorder_point, workbook};

/// Active parts with less on hand than their reorder point, counting your
/// branches' warehouses together (one branch's with `branch_id`, one warehouse
/// with `warehouse_id`); a part none of them holds counts as none on hand.
#[utoipa::path(
    get, path = "/api/v1/reports/below-reorder-point", tag = "reports", operation_id = "report_below_reorder_point",
    security(("bearer" = [])),
    params(StockReportQuery),
    responses(
        (status = 200, description = "The report", body = BelowReorderReport),
        (status = 409, description = "Too many lines; narrow the report", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/reports/below-reorder-point")]
pub async fn report_below_reorder_point(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    ValidatedQuery(query): ValidatedQuery<StockReportQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(below_reorder_point::report(&state.db, &me, query).await?))
}

/// The below-reorder-point report as an XLSX workbook (sheet `below_reorder_point`).
#[utoipa::path(
    get, path = "/api/v1/reports/below-reorder-point.xlsx", tag = "reports",
    operation_id = "report_below_reorder_point_xlsx",
    security(("bearer" = [])),
    params(StockReportQuery),
    responses(
        (status = 200, description = "The workbook (Content-Disposition: attachment)",
            content(("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 409, description = "Too many lines; narrow the report", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/reports/below-reorder-point.xlsx")]
pub async fn report_below_reorder_point_xlsx(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    ValidatedQuery(query): ValidatedQuery<StockReportQuery>,
) -> Result<HttpResponse, ApiError> {
    let report = below_reorder_point::report(&state.db, &me, query).await?;
    workbook::download("below-reorder-point.xlsx", below_reorder_point::sheets(report)).await
}
