//! `/api/v1/tickets`: service tickets from intake to closing.
pub mod create;
pub mod dispatch;
pub mod get;
pub mod labour;
pub mod list;
pub mod next_steps;
pub mod reevaluate;
pub mod reopen;
pub mod timeline;
pub mod transition;
pub mod update;

use aftersales_domain::organisation::BranchScope;
use aftersales_persistence::ConnectionTrait;
use aftersales_persistence::tickets::{self, Ticket};
use uuid::Uuid;

use crate::error::{ApiError, NotFoundAs};

/// A ticket of the caller's part of the network (404 otherwise).
pub(crate) async fn ticket_in_scope(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    id: Uuid,
) -> Result<Ticket, ApiError> {
    tickets::find_in_scope(db, scope, id).await.or_not_found("ticket")
}

/// A sealed (closed) ticket changes only through an admin reopen.
pub(crate) fn refuse_if_sealed(ticket: &Ticket) -> Result<(), ApiError> {
    if ticket.is_sealed() {
        return Err(ApiError::Conflict(format!(
            "ticket {} is closed and sealed; an admin must reopen it first",
            ticket.number
        )));
    }
    Ok(())
}
