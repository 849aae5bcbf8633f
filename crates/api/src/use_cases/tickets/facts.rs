//! What the workflow guards need to know about a ticket, gathered in one place:
//! the rules that judge these facts are in `aftersales_domain::tickets::workflow`.
use aftersales_domain::stock::ticket_parts::TicketPart;
use aftersales_domain::tickets::workflow::TicketFacts;
use aftersales_persistence::ConnectionTrait;
use aftersales_persistence::tickets::{Ticket, attachments, callbacks, complaints, labour, parts};

use crate::error::ApiError;

/// The facts of `ticket` as stored now; `note_given` is the caller's to set.
pub async fn of_ticket(db: &impl ConnectionTrait, ticket: &Ticket) -> Result<TicketFacts, ApiError> {
    Ok(TicketFacts {
        technician_assigned: ticket.technician_id.is_some(),
        diagnosis_recorded: ticket.diagnosis_code.is_some(),
        resolution_recorded: ticket.resolution_code.is_some(),
        labour_lines: labour::count(db, ticket.id.uuid()).await?,
        unreconciled_parts: unreconciled(&parts::of_ticket(db, ticket.id.uuid()).await?),
        installation_card_returned: attachments::has_purpose(db, ticket.id.uuid(), attachments::INSTALLATION_CARD)
            .await?,
        callback_done: callbacks::is_done(db, ticket.id.uuid()).await?,
        open_complaints: complaints::open_count(db, ticket.id.uuid()).await?,
        note_given: false,
    })
}

/// Units issued to the ticket and not yet recorded as used or returned, over all
/// its lines: what the `parts_reconciled` guard waits for.
fn unreconciled(lines: &[TicketPart]) -> u32 {
    let total: i64 = lines.iter().map(|l| l.counts.outstanding()).sum();
    u32::try_from(total).unwrap_or(u32::MAX)
}
