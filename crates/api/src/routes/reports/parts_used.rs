use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::stock_reports::{PartsUsedGrouping, PartsUsedLine, PartsUsedQuery, PartsUsedReport};
use aftersales_persistence::stock_reports::{self, UsedBy, begin_snapshot};

use crate::auth::{Authorized, Principal, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::reports::workbook::{self, Cell, Sheet, money};
use crate::use_cases::reports::{FETCH_LINES, period, report_filter, windows, within_limit};

async fn load(state: &AppState, me: &Principal, query: PartsUsedQuery) -> Result<PartsUsedReport, ApiError> {
    let period = period(query.from, query.to)?;
    let filter = report_filter(&state.db, me, query.branch_id, query.warehouse_id).await?;
    let group_by = query.group_by.unwrap_or_default();
    let by = match group_by {
        PartsUsedGrouping::Ticket => UsedBy::Ticket,
        PartsUsedGrouping::Technician => UsedBy::Technician,
    };
    let txn = begin_snapshot(&state.db).await?;
    let (_, windows) = windows(&txn, &filter, period).await?;
    let rows = within_limit(stock_reports::parts_used(&txn, &filter, &windows, by, FETCH_LINES).await?)?;
    txn.commit().await?;
    let lines = rows
        .into_iter()
        .map(|r| PartsUsedLine {
            ticket_id: r.ticket_id,
            ticket_number: r.ticket_number,
            technician_id: r.technician_id,
            technician_name: r.technician_name,
            tickets: r.tickets,
            currency: r.currency,
            issued: r.issued,
            returned: r.returned,
            quantity: r.quantity,
            value_minor: r.value_minor,
        })
        .collect();
    Ok(PartsUsedReport { from: period.from(), to: period.to(), group_by, lines })
}

fn sheets(report: PartsUsedReport) -> Vec<Sheet> {
    let rows = report
        .lines
        .into_iter()
        .map(|l| {
            vec![
                Cell::from(l.ticket_number),
                l.technician_name.into(),
                l.tickets.into(),
                l.issued.into(),
                l.returned.into(),
                l.quantity.into(),
                money(l.value_minor, &l.currency),
                l.currency.into(),
            ]
        })
        .collect();
    vec![Sheet {
        name: "parts_used",
        headers: &["ticket", "technician", "tickets", "issued", "returned", "used", "value", "currency"],
        rows,
    }]
}

/// Parts used for tickets during a period (days `from` to `to` included, at most
/// 366, in each warehouse's branch's time zone), from the ledger: issued to a
/// ticket minus returned unused, per ticket (with its number and technician) or
/// per technician (`group_by=technician`, the tickets' technician), per currency.
#[utoipa::path(
    get, path = "/api/v1/reports/parts-used", tag = "reports", operation_id = "report_parts_used",
    security(("bearer" = [])),
    params(PartsUsedQuery),
    responses(
        (status = 200, description = "The report", body = PartsUsedReport),
        (status = 409, description = "Too many lines; narrow the report", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/reports/parts-used")]
pub async fn report_parts_used(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    ValidatedQuery(query): ValidatedQuery<PartsUsedQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(load(&state, &me, query).await?))
}

/// The parts-used report as an XLSX workbook (sheet `parts_used`).
#[utoipa::path(
    get, path = "/api/v1/reports/parts-used.xlsx", tag = "reports", operation_id = "report_parts_used_xlsx",
    security(("bearer" = [])),
    params(PartsUsedQuery),
    responses(
        (status = 200, description = "The workbook (Content-Disposition: attachment)",
            content(("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 409, description = "Too many lines; narrow the report", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/reports/parts-used.xlsx")]
pub async fn report_parts_used_xlsx(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    ValidatedQuery(query): ValidatedQuery<PartsUsedQuery>,
) -> Result<HttpResponse, ApiError> {
    let report = load(&state, &me, query).await?;
    workbook::download("parts-used.xlsx", sheets(report)).await
}
