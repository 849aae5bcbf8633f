use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::stock_reports::{
    MovementSummaryLine, PeriodPositionLine, StockMovementsReport, StockPeriodQuery,
};
use aftersales_domain::stock::report::period_positions;
use aftersales_persistence::stock_reports::{self, begin_snapshot};

use crate::auth::{Authorized, Principal, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::routes::reports::stock_on_hand::place_out;
use crate::state::AppState;
use crate::use_cases::reports::workbook::{self, Sheet, money};
use crate::use_cases::reports::{FETCH_LINES, period, report_filter, windows, within_limit};

async fn load(state: &AppState, me: &Principal, query: StockPeriodQuery) -> Result<StockMovementsReport, ApiError> {
    let period = period(query.from, query.to)?;
    let filter = report_filter(&state.db, me, query.branch_id, query.warehouse_id).await?;
    // The opening and the movements are read from one state of the ledger.
    let txn = begin_snapshot(&state.db).await?;
    let (time_zones, windows) = windows(&txn, &filter, period).await?;
    let flows = within_limit(stock_reports::flows(&txn, &filter, &windows, FETCH_LINES).await?)?;
    let openings = within_limit(stock_reports::openings(&txn, &filter, &windows, FETCH_LINES).await?)?;
    txn.commit().await?;
    let positions = period_positions(
        openings.into_iter().map(|o| (o.line, o.position)),
        flows.iter().map(|f| (f.line.clone(), f.flow)),
    );
    let positions = within_limit(positions.into_iter().collect())?
        .into_iter()
        .map(|(line, p)| PeriodPositionLine {
            place: place_out(line),
            opening_on_hand: p.opening.quantity,
            opening_value_minor: p.opening.value_minor,
            quantity_in: p.flow.quantity_in,
            quantity_out: p.flow.quantity_out,
            value_in_minor: p.flow.value_in_minor,
            value_out_minor: p.flow.value_out_minor,
            closing_on_hand: p.closing.quantity,
            closing_value_minor: p.closing.value_minor,
        })
        .collect();
    let movements = flows
        .into_iter()
        .map(|f| MovementSummaryLine {
            place: place_out(f.line),
            kind: f.kind.as_str().to_owned(),
            count: f.flow.count,
            quantity_in: f.flow.quantity_in,
            quantity_out: f.flow.quantity_out,
            value_in_minor: f.flow.value_in_minor,
            value_out_minor: f.flow.value_out_minor,
        })
        .collect();
    Ok(StockMovementsReport { from: period.from(), to: period.to(), time_zones, movements, positions })
}

fn sheets(report: StockMovementsReport) -> Vec<Sheet> {
    let movements = report
        .movements
        .into_iter()
        .map(|m| {
            let p = m.place;
            vec![
                p.warehouse_code.into(),
                p.sku.into(),
                p.part_name.into(),
                m.kind.into(),
                m.count.into(),
                m.quantity_in.into(),
                m.quantity_out.into(),
                money(m.value_in_minor, &p.currency),
                money(m.value_out_minor, &p.currency),
                p.currency.into(),
            ]
        })
        .collect();
    let positions = report
        .positions
        .into_iter()
        .map(|l| {
            let p = l.place;
            vec![
                p.warehouse_code.into(),
                p.sku.into(),
                p.part_name.into(),
                l.opening_on_hand.into(),
                l.quantity_in.into(),
                l.quantity_out.into(),
                l.closing_on_hand.into(),
                money(l.opening_value_minor, &p.currency),
                money(l.value_in_minor, &p.currency),
                money(l.value_out_minor, &p.currency),
                money(l.closing_value_minor, &p.currency),
                p.currency.into(),
            ]
        })
        .collect();
    vec![
        Sheet {
            name: "movements",
            headers: &[
                "warehouse",
                "sku",
                "part",
                "kind",
                "count",
                "quantity_in",
                "quantity_out",
                "value_in",
                "value_out",
                "currency",
            ],
            rows: movements,
        },
        Sheet {
            name: "opening_closing",
            headers: &[
                "warehouse",
                "sku",
                "part",
                "opening",
                "in",
                "out",
                "closing",
                "opening_value",
                "value_in",
                "value_out",
                "closing_value",
                "currency",
            ],
            rows: positions,
        },
    ]
}

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
    Ok(HttpResponse::Ok().json(load(&state, &me, query).await?))
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
    let report = load(&state, &me, query).await?;
    workbook::download("stock-movements.xlsx", sheets(report)).await
}
