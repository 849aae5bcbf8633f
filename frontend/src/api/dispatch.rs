//! The dispatch board (`GET /dispatch-board`) and sending a technician to a ticket
//! (`POST /tickets/{id}/dispatch`, guarded by the ticket's `ETag`).

use aftersales_api_types::dispatch::{DispatchBoard, DispatchRequest, DispatchResult};
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

/// `POST /tickets/{id}/dispatch` with `If-Match` of the version read: a 409
/// `dispatch_warnings` lists the warnings in the problem's `errors`.
pub async fn dispatch(
    session: Session,
    id: Uuid,
    version: i64,
    request: &DispatchRequest,
) -> Result<DispatchResult, ApiError> {
    let call = Call::new(Method::POST, format!("/tickets/{id}/dispatch")).if_match(version).json(request)?;
    authed(session, call).await
}
