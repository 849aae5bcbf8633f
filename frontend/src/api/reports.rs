//! Reports (`/reports/…`): each as JSON for the screen and as an XLSX download.

use aftersales_api_types::stock_reports::{
    BelowReorderReport, OverdueDefectiveQuery, OverdueDefectiveReport, PartsUsedQuery, PartsUsedReport,
    StockMovementsReport, StockOnHandReport, StockPeriodQuery, StockReportQuery,
};
use aftersales_api_types::ticket_reports::{ReportCalendar, TicketVolumeQuery, TicketVolumeReport};
use gloo_net::http::Method;
use uuid::Uuid;

use super::{ApiError, Call, authed, download};
use crate::i18n::date::iso_date;
use crate::query::wire;
use crate::session::Session;

fn ticket_volume_call(path: &str, query: &TicketVolumeQuery) -> Call {
    let calendar = match query.calendar.unwrap_or_default() {
        ReportCalendar::Gregorian => "gregorian",
        ReportCalendar::Jalali => "jalali",
    };
    Call::new(Method::GET, path)
        .query("from", Some(query.from.to_string()))
        .query("to", Some(query.to.to_string()))
        .query("calendar", Some(calendar.to_owned()))
        .query("branch_id", query.branch_id.map(|id| id.to_string()))
}

/// `GET /reports/ticket-volume`: tickets per branch and month.
pub async fn ticket_volume(session: Session, query: &TicketVolumeQuery) -> Result<TicketVolumeReport, ApiError> {
    authed(session, ticket_volume_call("/reports/ticket-volume", query)).await
}

/// `GET /reports/ticket-volume.xlsx`, saved by the browser as `ticket-volume.xlsx`.
pub async fn ticket_volume_xlsx(session: Session, query: &TicketVolumeQuery) -> Result<(), ApiError> {
    download(session, ticket_volume_call("/reports/ticket-volume.xlsx", query), "ticket-volume.xlsx").await
}

/// The scope of a stock report: a branch's or a warehouse's, else all of the user's.
fn scoped(call: Call, branch_id: Option<Uuid>, warehouse_id: Option<Uuid>) -> Call {
    call.query("branch_id", branch_id.map(|id| id.to_string()))
        .query("warehouse_id", warehouse_id.map(|id| id.to_string()))
}

fn on_hand_call(path: &str, query: &StockReportQuery) -> Call {
    scoped(Call::new(Method::GET, path), query.branch_id, query.warehouse_id)
}

fn movements_call(path: &str, query: &StockPeriodQuery) -> Call {
    let call =
        Call::new(Method::GET, path).query("from", Some(iso_date(query.from))).query("to", Some(iso_date(query.to)));
    scoped(call, query.branch_id, query.warehouse_id)
}

fn parts_used_call(path: &str, query: &PartsUsedQuery) -> Call {
    let call = Call::new(Method::GET, path)
        .query("from", Some(iso_date(query.from)))
        .query("to", Some(iso_date(query.to)))
        .query("group_by", query.group_by.map(|g| wire(&g)));
    scoped(call, query.branch_id, query.warehouse_id)
}

fn overdue_call(path: &str, query: &OverdueDefectiveQuery) -> Call {
    Call::new(Method::GET, path).query("branch_id", query.branch_id.map(|id| id.to_string()))
}

/// `GET /reports/stock-on-hand`: stock per warehouse and part, with totals.
pub async fn stock_on_hand(session: Session, query: &StockReportQuery) -> Result<StockOnHandReport, ApiError> {
    authed(session, on_hand_call("/reports/stock-on-hand", query)).await
}

/// `GET /reports/stock-on-hand.xlsx`.
pub async fn stock_on_hand_xlsx(session: Session, query: &StockReportQuery) -> Result<(), ApiError> {
    download(session, on_hand_call("/reports/stock-on-hand.xlsx", query), "stock-on-hand.xlsx").await
}

/// `GET /reports/stock-movements`: what moved in a period, and the stock before and after.
pub async fn stock_movements(session: Session, query: &StockPeriodQuery) -> Result<StockMovementsReport, ApiError> {
    authed(session, movements_call("/reports/stock-movements", query)).await
}

/// `GET /reports/stock-movements.xlsx`.
pub async fn stock_movements_xlsx(session: Session, query: &StockPeriodQuery) -> Result<(), ApiError> {
    download(session, movements_call("/reports/stock-movements.xlsx", query), "stock-movements.xlsx").await
}

/// `GET /reports/parts-used`: parts issued to tickets net of returns, per ticket or technician.
pub async fn parts_used(session: Session, query: &PartsUsedQuery) -> Result<PartsUsedReport, ApiError> {
    authed(session, parts_used_call("/reports/parts-used", query)).await
}

/// `GET /reports/parts-used.xlsx`.
pub async fn parts_used_xlsx(session: Session, query: &PartsUsedQuery) -> Result<(), ApiError> {
    download(session, parts_used_call("/reports/parts-used.xlsx", query), "parts-used.xlsx").await
}

/// `GET /reports/overdue-defective-returns`: old parts owed past their due time.
pub async fn overdue_defective(
    session: Session,
    query: &OverdueDefectiveQuery,
) -> Result<OverdueDefectiveReport, ApiError> {
    authed(session, overdue_call("/reports/overdue-defective-returns", query)).await
}

/// `GET /reports/overdue-defective-returns.xlsx`.
pub async fn overdue_defective_xlsx(session: Session, query: &OverdueDefectiveQuery) -> Result<(), ApiError> {
    let call = overdue_call("/reports/overdue-defective-returns.xlsx", query);
    download(session, call, "overdue-defective-returns.xlsx").await
}

/// `GET /reports/below-reorder-point`: active parts below their reorder point.
pub async fn below_reorder(session: Session, query: &StockReportQuery) -> Result<BelowReorderReport, ApiError> {
    authed(session, on_hand_call("/reports/below-reorder-point", query)).await
}

/// `GET /reports/below-reorder-point.xlsx`.
pub async fn below_reorder_xlsx(session: Session, query: &StockReportQuery) -> Result<(), ApiError> {
    download(session, on_hand_call("/reports/below-reorder-point.xlsx", query), "below-reorder-point.xlsx").await
}
