//! The dispatch board (`GET /dispatch-board`) and sending a technician to a ticket
//! (`POST /tickets/{id}/dispatch`, guarded by the ticket's `ETag`).

use aftersales_api_types::branches::BranchDto;
use aftersales_api_types::dispatch::{DispatchBoard, DispatchRequest, DispatchResult};
use aftersales_api_types::tickets::TicketDto;
use chrono::NaiveDate;
use gloo_net::http::Method;
use uuid::Uuid;

use super::{ApiError, Call, authed};
use crate::i18n::date::iso_date;
use crate::session::Session;

/// `GET /dispatch-board?branch_id=…&date=…`: a branch's day (today there without a date).
pub async fn board(session: Session, branch_id: Uuid, date: Option<NaiveDate>) -> Result<DispatchBoard, ApiError> {
    let call = Call::new(Method::GET, "/dispatch-board")
        .query("branch_id", Some(branch_id.to_string()))
        .query("date", date.map(iso_date));
    authed(session, call).await
}

/// `GET /branches`, first 200: the branches whose board the user may open.
pub async fn branches(session: Session) -> Result<Vec<BranchDto>, ApiError> {
    let call = Call::new(Method::GET, "/branches").query("limit", Some("200".to_owned()));
    let page: aftersales_api_types::Page<BranchDto> = authed(session, call).await?;
    Ok(page.items)
}

/// `GET /tickets/{id}`: the ticket as it is now (its `version` is the `ETag`).
pub async fn ticket(session: Session, id: Uuid) -> Result<TicketDto, ApiError> {
    authed(session, Call::new(Method::GET, format!("/tickets/{id}"))).await
}

/// `POST /tickets/{id}/dispatch` with `If-Match` of the version read: a 409
/// `dispatch_warnings` lists the warnings in the problem's `errors`.
pub async fn dispatch(
    session: Session,
    id: Uuid,
    version: i64,
    request: &DispatchRequest,
) -> Result<DispatchResult, ApiError> {
    let call = Call::new(Method::POST, format!("/tickets/{id}/dispatch"))
        .header("If-Match", format!("\"{version}\""))
        .json(request)?;
    authed(session, call).await
}
