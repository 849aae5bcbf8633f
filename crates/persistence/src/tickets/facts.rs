//! What the workflow guards need to know about a ticket, gathered in one place.
use aftersales_domain::tickets::workflow::TicketFacts;
use sea_orm::ConnectionTrait;

use super::record::Ticket;
use super::{attachments, callbacks, complaints, labour, parts};
use crate::StoreError;

/// The facts of `ticket` as stored now; `note_given` is the caller's to set.
pub async fn of_ticket(db: &impl ConnectionTrait, ticket: &Ticket) -> Result<TicketFacts, StoreError> {
    Ok(TicketFacts {
        technician_assigned: ticket.technician_id.is_some(),
        diagnosis_recorded: ticket.diagnosis_code.is_some(),
        resolution_recorded: ticket.resolution_code.is_some(),
        labour_lines: labour::count(db, ticket.id).await?,
        unreconciled_parts: parts::unreconciled(db, ticket.id).await?,
        installation_card_returned: attachments::has_purpose(db, ticket.id, attachments::INSTALLATION_CARD).await?,
        callback_done: callbacks::is_done(db, ticket.id).await?,
        open_complaints: complaints::open_count(db, ticket.id).await?,
        note_given: false,
    })
}
