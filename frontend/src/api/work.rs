//! The work recorded on a ticket: the technician's diagnosis and resolution, labour
//! lines priced from the service catalogue, the callback to the customer and
//! complaints (`PATCH /tickets/{id}`, `/tickets/{id}/labour`, `/tickets/{id}/callback`,
//! `/callback-script`, `/complaints`).

use aftersales_api_types::Page;
use aftersales_api_types::followups::{
    CallbackDto, CallbackQuestion, ComplaintDto, OpenComplaint, RecordCallback, ResolveComplaint,
};
use aftersales_api_types::labour::{AddLabourLine, LabourLineDto, TicketLabourDto};
use aftersales_api_types::ticket_changes::UpdateTicket;
use aftersales_api_types::tickets::TicketDto;
use gloo_net::http::Method;
use uuid::Uuid;

use super::{ApiError, Call, authed, problem_of, send_authed};
use crate::session::Session;

/// `PATCH /tickets/{id}` for the ticket as read at `version`.
pub async fn update_ticket(
    session: Session,
    id: Uuid,
    version: i64,
    request: &UpdateTicket,
) -> Result<TicketDto, ApiError> {
    let call = Call::new(Method::PATCH, format!("/tickets/{id}")).if_match(version).json(request)?;
    authed(session, call).await
}

/// `GET /tickets/{id}/labour`: the lines and their totals.
pub async fn labour(session: Session, id: Uuid) -> Result<TicketLabourDto, ApiError> {
    authed(session, Call::new(Method::GET, format!("/tickets/{id}/labour"))).await
}

/// `POST /tickets/{id}/labour`.
pub async fn add_labour(session: Session, id: Uuid, request: &AddLabourLine) -> Result<LabourLineDto, ApiError> {
    authed(session, Call::new(Method::POST, format!("/tickets/{id}/labour")).json(request)?).await
}

/// `DELETE /tickets/{id}/labour/{line_id}` (answers 204).
pub async fn remove_labour(session: Session, id: Uuid, line_id: Uuid) -> Result<(), ApiError> {
    let call = Call::new(Method::DELETE, format!("/tickets/{id}/labour/{line_id}"));
    let response = send_authed(session, &call).await?;
    if response.ok() {
        return Ok(());
    }
    let error = problem_of(response).await;
    if error.is_unauthorized() {
        session.expire();
    }
    Err(error)
}

/// `GET /tickets/{id}/callback`: 404 while the ticket has no callback task.
pub async fn callback(session: Session, id: Uuid) -> Result<CallbackDto, ApiError> {
    authed(session, Call::new(Method::GET, format!("/tickets/{id}/callback"))).await
}

/// `GET /callback-script`: the questions, in order.
pub async fn script(session: Session) -> Result<Vec<CallbackQuestion>, ApiError> {
    authed(session, Call::new(Method::GET, "/callback-script")).await
}

/// `POST /tickets/{id}/callback` for the ticket as read at `version`.
pub async fn record_callback(
    session: Session,
    id: Uuid,
    version: i64,
    request: &RecordCallback,
) -> Result<CallbackDto, ApiError> {
    let call = Call::new(Method::POST, format!("/tickets/{id}/callback")).if_match(version).json(request)?;
    authed(session, call).await
}

/// `GET /complaints?ticket_id=…`: the ticket's complaints, newest first.
pub async fn complaints(session: Session, ticket_id: Uuid) -> Result<Vec<ComplaintDto>, ApiError> {
    let call = Call::new(Method::GET, "/complaints")
        .query("ticket_id", Some(ticket_id.to_string()))
        .query("limit", Some("200".to_owned()));
    let page: Page<ComplaintDto> = authed(session, call).await?;
    Ok(page.items)
}

/// `POST /tickets/{id}/complaints`.
pub async fn open_complaint(session: Session, id: Uuid, request: &OpenComplaint) -> Result<ComplaintDto, ApiError> {
    authed(session, Call::new(Method::POST, format!("/tickets/{id}/complaints")).json(request)?).await
}

/// `POST /complaints/{id}/resolve` for the complaint as read at `version`.
pub async fn resolve_complaint(
    session: Session,
    id: Uuid,
    version: i64,
    request: &ResolveComplaint,
) -> Result<ComplaintDto, ApiError> {
    let call = Call::new(Method::POST, format!("/complaints/{id}/resolve")).if_match(version).json(request)?;
    authed(session, call).await
}

/// `GET /callbacks` with these filters: one page of the callback work list, the
/// earliest due first.
pub async fn callback_list(
    session: Session,
    filters: Vec<(&'static str, String)>,
    cursor: Option<String>,
) -> Result<Page<CallbackDto>, ApiError> {
    authed(session, Call::new(Method::GET, "/callbacks").queries(filters).query("cursor", cursor)).await
}

/// `GET /complaints` with these filters: one page of complaints, the newest first.
pub async fn complaint_list(
    session: Session,
    filters: Vec<(&'static str, String)>,
    cursor: Option<String>,
) -> Result<Page<ComplaintDto>, ApiError> {
    authed(session, Call::new(Method::GET, "/complaints").queries(filters).query("cursor", cursor)).await
}
