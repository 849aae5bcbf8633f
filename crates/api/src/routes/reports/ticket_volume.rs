use actix_web::{HttpResponse, get, web};
use aftersales_api_types::ticket_reports::{TicketVolumeQuery, TicketVolumeReport};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::reports::{ticket_volume, workbook};

/// Tickets per branch and month: taken in (by kind, under warranty, repeat
/// repairs) and closed (with their mean hours from intake to closing), over a
/// period of days (`from` to `to` included, at most 366, in each branch's time
/// zone) cut at the months of `calendar` (`gregorian` or `jalali`).
#[utoipa::path(
    get, path = "/api/v1/reports/ticket-volume", tag = "reports", operation_id = "report_ticket_volume",
    security(("bearer" = [])),
    params(TicketVolumeQuery),
    responses((status = 200, description = "The report", body = TicketVolumeReport))
)]
#[get("/api/v1/reports/ticket-volume")]
pub async fn report_ticket_volume(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewTickets>,
    ValidatedQuery(query): ValidatedQuery<TicketVolumeQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(ticket_volume::report(&state.db, &me, query).await?))
}

/// The ticket-volume report as an XLSX workbook (sheet `ticket_volume`).
#[utoipa::path(
    get, path = "/api/v1/reports/ticket-volume.xlsx", tag = "reports", operation_id = "report_ticket_volume_xlsx",
    security(("bearer" = [])),
    params(TicketVolumeQuery),
    responses((status = 200, description = "The workbook (Content-Disposition: attachment)",
        content(("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))))
)]
#[get("/api/v1/reports/ticket-volume.xlsx")]
pub async fn report_ticket_volume_xlsx(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewTickets>,
    ValidatedQuery(query): ValidatedQuery<TicketVolumeQuery>,
) -> Result<HttpResponse, ApiError> {
    let report = ticket_volume::report(&state.db, &me, query).await?;
    workbook::download("ticket-volume.xlsx", ticket_volume::sheets(report)).await
}
