//! The parts of a ticket (`/tickets/{id}/parts`): the lines and their payers, and
//! the movements (reserve, release, issue, outcome). Every movement carries the
//! `Idempotency-Key` its form chose, so a retry of the same submit is answered
//! with the first answer instead of moving stock twice.

use aftersales_api_types::ticket_parts::{RecordPartOutcome, TicketPartChange, TicketPartQuantity, TicketPartsDto};
use gloo_net::http::Method;
use uuid::Uuid;

use super::{ApiError, Call, authed};
use crate::session::Session;

/// A movement of parts for a ticket, by the last segment of its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Reserve,
    Release,
    Issue,
}

impl Move {
    fn segment(self) -> &'static str {
        match self {
            Self::Reserve => "reserve",
            Self::Release => "release",
            Self::Issue => "issue",
        }
    }
}

/// `GET /tickets/{id}/parts`.
pub async fn list(session: Session, id: Uuid) -> Result<TicketPartsDto, ApiError> {
    authed(session, Call::new(Method::GET, format!("/tickets/{id}/parts"))).await
}

/// `POST /tickets/{id}/parts/{reserve|release|issue}` under the form's key.
pub async fn apply(
    session: Session,
    id: Uuid,
    action: Move,
    key: Uuid,
    body: &TicketPartQuantity,
) -> Result<TicketPartChange, ApiError> {
    let call =
        Call::new(Method::POST, format!("/tickets/{id}/parts/{}", action.segment())).idempotency_key(key).json(body)?;
    authed(session, call).await
}

/// `POST /tickets/{id}/parts/outcome` under the form's key.
pub async fn outcome(
    session: Session,
    id: Uuid,
    key: Uuid,
    body: &RecordPartOutcome,
) -> Result<TicketPartChange, ApiError> {
    let call = Call::new(Method::POST, format!("/tickets/{id}/parts/outcome")).idempotency_key(key).json(body)?;
    authed(session, call).await
}
