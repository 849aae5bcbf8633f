//! Reports (`/reports/…`): each as JSON for the screen and as an XLSX download.

use aftersales_api_types::ticket_reports::{ReportCalendar, TicketVolumeQuery, TicketVolumeReport};
use gloo_net::http::Method;

use super::{ApiError, Call, authed, download};
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
