use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::stock_reports::{BelowReorderLine, BelowReorderReport, StockReportQuery};
use aftersales_persistence::stock_reports;

use crate::auth::{Authorized, Principal, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::reports::workbook::{self, Sheet};
use crate::use_cases::reports::{FETCH_LINES, report_filter, within_limit};

async fn load(state: &AppState, me: &Principal, query: StockReportQuery) -> Result<BelowReorderReport, ApiError> {
    let filter = report_filter(&state.db, me, query.branch_id, query.warehouse_id).await?;
    let rows = within_limit(stock_reports::below_reorder_point(&state.db, &filter, FETCH_LINES).await?)?;
    let lines = rows
        .into_iter()
        .map(|r| BelowReorderLine {
            part_id: r.part_id,
            sku: r.sku,
            name: r.name,
            on_hand: r.on_hand,
            reorder_point: r.reorder_point,
            shortfall: r.reorder_point - r.on_hand,
        })
        .collect();
    Ok(BelowReorderReport { branch_id: query.branch_id, warehouse_id: query.warehouse_id, lines })
}

fn sheets(report: BelowReorderReport) -> Vec<Sheet> {
    let rows = report
        .lines
        .into_iter()
        .map(|l| vec![l.sku.into(), l.name.into(), l.on_hand.into(), l.reorder_point.into(), l.shortfall.into()])
        .collect();
    vec![Sheet {
        name: "below_reorder_point",
        headers: &["sku", "part", "on_hand", "reorder_point", "shortfall"],
        rows,
    }]
}

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
    Ok(HttpResponse::Ok().json(load(&state, &me, query).await?))
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
    let report = load(&state, &me, query).await?;
    workbook::download("below-reorder-point.xlsx", sheets(report)).await
}
