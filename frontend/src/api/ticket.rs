//! What a ticket's detail page does with it: its timeline and next steps, and
//! moving it on.

use aftersales_api_types::ticket_changes::{ReopenRequest, WarrantyReevaluation};
use aftersales_api_types::tickets::{NextStep, TicketDto, TicketEventDto, TransitionRequest};
use gloo_net::http::Method;
use uuid::Uuid;

use super::{ApiError, Call, authed};
use crate::session::Session;

/// `GET /tickets/{id}/timeline`: every event, oldest first.
pub async fn timeline(session: Session, id: Uuid) -> Result<Vec<TicketEventDto>, ApiError> {
    authed(session, Call::new(Method::GET, format!("/tickets/{id}/timeline"))).await
}

/// `GET /tickets/{id}/transitions`: the steps from the current stage and their guards.
pub async fn next_steps(session: Session, id: Uuid) -> Result<Vec<NextStep>, ApiError> {
    authed(session, Call::new(Method::GET, format!("/tickets/{id}/transitions"))).await
}

/// `POST /tickets/{id}/transitions` for the ticket as read at `version`.
pub async fn transition(
    session: Session,
    id: Uuid,
    version: i64,
    request: &TransitionRequest,
) -> Result<TicketDto, ApiError> {
    let call = Call::new(Method::POST, format!("/tickets/{id}/transitions")).if_match(version).json(request)?;
    authed(session, call).await
}

/// `POST /tickets/{id}/warranty/reevaluate`: the warranty decided again with today's
/// facts, beside the one stored, for the ticket as read at `version`.
pub async fn reevaluate(session: Session, id: Uuid, version: i64) -> Result<WarrantyReevaluation, ApiError> {
    authed(session, Call::new(Method::POST, format!("/tickets/{id}/warranty/reevaluate")).if_match(version)).await
}

/// `POST /tickets/{id}/reopen`: a closed ticket back to work, saying why.
pub async fn reopen(session: Session, id: Uuid, version: i64, request: &ReopenRequest) -> Result<TicketDto, ApiError> {
    authed(session, Call::new(Method::POST, format!("/tickets/{id}/reopen")).if_match(version).json(request)?).await
}
