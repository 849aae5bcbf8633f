use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::stock_reports::{
    StockOnHandLine, StockOnHandReport, StockReportPlace, StockReportQuery, WarehouseStockTotal,
};
use aftersales_persistence::stock_reports::{self, WarehousePart};

use crate::auth::{Authorized, Principal, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::reports::workbook::{self, Cell, Sheet, money};
use crate::use_cases::reports::{FETCH_LINES, report_filter, within_limit};

pub(crate) fn place_out(l: WarehousePart) -> StockReportPlace {
    StockReportPlace {
        warehouse_id: l.warehouse_id,
        warehouse_code: l.warehouse_code,
        warehouse_name: l.warehouse_name,
        part_id: l.part_id,
        sku: l.sku,
        part_name: l.part_name,
        currency: l.currency,
    }
}

async fn load(state: &AppState, me: &Principal, query: StockReportQuery) -> Result<StockOnHandReport, ApiError> {
    let filter = report_filter(&state.db, me, query.branch_id, query.warehouse_id).await?;
    let rows = within_limit(stock_reports::on_hand(&state.db, &filter, FETCH_LINES).await?)?;
    let lines: Vec<StockOnHandLine> = rows
        .into_iter()
        .map(|r| StockOnHandLine {
            place: place_out(r.line),
            on_hand: r.balance.on_hand,
            reserved: r.balance.reserved,
            available: r.balance.available(),
            value_minor: r.balance.value_minor,
            average_cost_minor: r.balance.average_cost_minor(),
        })
        .collect();
    Ok(StockOnHandReport { totals: totals(&lines), lines })
}

/// Per warehouse and currency, in the order of the lines (by warehouse code).
fn totals(lines: &[StockOnHandLine]) -> Vec<WarehouseStockTotal> {
    let mut out: Vec<WarehouseStockTotal> = Vec::new();
    for l in lines {
        let p = &l.place;
        let at = out.iter().position(|t| t.warehouse_id == p.warehouse_id && t.currency == p.currency);
        let at = at.unwrap_or_else(|| {
            out.push(WarehouseStockTotal {
                warehouse_id: p.warehouse_id,
                warehouse_code: p.warehouse_code.clone(),
                currency: p.currency.clone(),
                on_hand: 0,
                reserved: 0,
                value_minor: 0,
            });
            out.len() - 1
        });
        let total = &mut out[at];
        total.on_hand += l.on_hand;
        total.reserved += l.reserved;
        total.value_minor += l.value_minor;
    }
    out
}

fn sheets(report: StockOnHandReport) -> Vec<Sheet> {
    let lines = report
        .lines
        .into_iter()
        .map(|l| {
            let p = l.place;
            vec![
                p.warehouse_code.into(),
                p.sku.into(),
                p.part_name.into(),
                l.on_hand.into(),
                l.reserved.into(),
                l.available.into(),
                money(l.average_cost_minor, &p.currency),
                money(l.value_minor, &p.currency),
                p.currency.into(),
            ]
        })
        .collect();
    let totals = report
        .totals
        .into_iter()
        .map(|t| {
            vec![
                Cell::from(t.warehouse_code),
                t.on_hand.into(),
                t.reserved.into(),
                money(t.value_minor, &t.currency),
                t.currency.into(),
            ]
        })
        .collect();
    vec![
        Sheet {
            name: "stock_on_hand",
            headers: &[
                "warehouse",
                "sku",
                "part",
                "on_hand",
                "reserved",
                "available",
                "average_cost",
                "value",
                "currency",
            ],
            rows: lines,
        },
        Sheet {
            name: "warehouse_totals",
            headers: &["warehouse", "on_hand", "reserved", "value", "currency"],
            rows: totals,
        },
    ]
}

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
    Ok(HttpResponse::Ok().json(load(&state, &me, query).await?))
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
    let report = load(&state, &me, query).await?;
    workbook::download("stock-on-hand.xlsx", sheets(report)).await
}
