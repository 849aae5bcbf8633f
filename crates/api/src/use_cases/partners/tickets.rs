//! A ticket taken in through a partner's key belongs to that partner; its
//! external reference (the partner's order number) names one ticket of it.
use aftersales_persistence::tickets::{Ticket, partner_sight};
use aftersales_persistence::{ConnectionTrait, StoreError};
use uuid::Uuid;

use crate::error::ApiError;

/// Marks the ticket just taken in as the partner's, in the intake's
/// transaction: 409 naming `external_reference` when the partner already has a
/// ticket with it (checked first, and held by the unique index under a race).
pub(crate) async fn claim(db: &impl ConnectionTrait, partner_id: Uuid, ticket: &Ticket) -> Result<(), ApiError> {
    let taken = || {
        ApiError::conflict_at(
            "external_reference",
            "taken",
            "already used by another of your tickets",
            partner_sight::REFERENCE_TAKEN,
        )
    };
    if let Some(reference) = &ticket.external_reference
        && partner_sight::reference_taken(db, partner_id, reference).await?
    {
        return Err(taken());
    }
    match partner_sight::stamp_partner(db, ticket.id.uuid(), partner_id).await {
        Err(StoreError::Conflict(_)) => Err(taken()),
        other => Ok(other?),
    }
}
