//! What an actor may reach: the branches of their part of the network and the
//! tickets in it. Shared by every use case that names a branch or a ticket.
use aftersales_domain::organisation::BranchScope;
use aftersales_persistence::tickets::{self, Ticket};
use aftersales_persistence::{ConnectionTrait, StoreError, branches};
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::{ApiError, NotFoundAs};

/// The branch named in a request must be within the caller's part of the network.
pub(crate) async fn ensure_branch_in_scope(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    branch_id: Uuid,
) -> Result<(), ApiError> {
    match branches::find_in_scope(db, scope, branch_id).await {
        Ok(_) => Ok(()),
        Err(StoreError::NotFound) => {
            Err(ApiError::field("branch_id", "unknown_branch", "no such branch in your part of the network"))
        }
        Err(e) => Err(e.into()),
    }
}

/// A ticket of the caller's part of the network, or one the caller is the assigned
/// technician of (a technician sent to another branch's job must be able to work
/// it); 404 otherwise.
///
/// A partner's key sees only its [`tickets::PartnerSight`]: another partner's
/// ticket is a 404 like a ticket that does not exist.
pub(crate) async fn ticket_in_scope(db: &impl ConnectionTrait, me: &Principal, id: Uuid) -> Result<Ticket, ApiError> {
    if let Some(key) = &me.partner {
        return tickets::partner_sight::find_for_partner(db, &key.sight, id).await.or_not_found("ticket");
    }
    match tickets::find_in_scope(db, &me.scope, id).await {
        Err(StoreError::NotFound) => match tickets::find(db, id).await {
            Ok(t) if t.technician_id == Some(me.user_id.into()) => Ok(t),
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
