//! `/api/v1/tickets`: service tickets from intake to closing.
pub mod create;
pub mod dispatch;
pub mod get;
pub mod labour;
pub mod list;
pub mod next_steps;
pub mod parts;
pub mod reevaluate;
pub mod reopen;
pub mod timeline;
pub mod transition;
pub mod update;

use aftersales_persistence::tickets::{self, Ticket};
use aftersales_persistence::{ConnectionTrait, StoreError};
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::{ApiError, NotFoundAs};

/// A ticket of the caller's part of the network, or one the caller is the assigned
/// technician of (a technician sent to another branch's job must be able to work
/// it); 404 otherwise.
pub(crate) async fn ticket_in_scope(db: &impl ConnectionTrait, me: &Principal, id: Uuid) -> Result<Ticket, ApiError> {
    match tickets::find_in_scope(db, &me.scope, id).await {
        Err(StoreError::NotFound) => match tickets::find(db, id).await {
            Ok(t) if t.technician_id == Some(me.user_id) => Ok(t),
            Ok(_) | Err(StoreError::NotFound) => Err(ApiError::not_found("ticket")),
            Err(e) => Err(e.into()),
        },
        other => other.or_not_found("ticket"),
    }
}

/// A sealed (closed) ticket changes only through an admin reopen.
pub(crate) fn refuse_if_sealed(ticket: &Ticket) -> Result<(), ApiError> {
    if ticket.is_sealed() { Err(sealed(ticket)) } else { Ok(()) }
}

/// The answer to any change of a closed ticket.
pub(crate) fn sealed(ticket: &Ticket) -> ApiError {
    ApiError::Conflict(format!("ticket {} is closed and sealed; an admin must reopen it first", ticket.number))
}
