//! After the work: the callback to the customer and complaints, one use case a
//! file, and how both look on the wire.
mod answers;
pub mod get_callback;
pub mod get_complaint;
pub mod list_callbacks;
pub mod list_complaints;
pub mod open_complaint;
pub mod record_callback;
pub mod resolve_complaint;
pub mod script;

use aftersales_api_types::followups::{CallbackDto, ComplaintDto, FollowUpNames};
use aftersales_persistence::tickets::callbacks::Callback;
use aftersales_persistence::tickets::complaints::Complaint;
use aftersales_persistence::{ConnectionTrait, users};
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::error::ApiError;
use crate::use_cases::tickets::convert::ToWire;

pub(crate) fn callback_out(c: &Callback, ticket_number: &str, branch_id: Uuid, now: DateTime<Utc>) -> CallbackDto {
    CallbackDto {
        id: c.id,
        ticket_id: c.ticket_id,
        ticket_number: ticket_number.to_owned(),
        branch_id,
        status: c.status.to_wire(),
        due_at: c.due_at,
        overdue: !c.status.is_settled() && c.due_at < now,
        attempts: c.attempts,
        answers: c.answers.clone(),
        satisfaction_score: c.satisfaction_score,
        contradictions: c.contradictions.clone(),
        notes: c.notes.clone(),
        done_by: c.done_by,
        done_at: c.done_at,
        created_at: c.created_at,
        names: None,
    }
}

pub(crate) fn complaint_out(c: &Complaint) -> ComplaintDto {
    ComplaintDto {
        id: c.id,
        ticket_id: c.ticket_id,
        branch_id: c.branch_id,
        technician_id: c.technician_id,
        category: c.category.to_wire(),
        description: c.description.clone(),
        status: c.status.to_wire(),
        resolution: c.resolution.clone(),
        created_by: c.created_by,
        created_at: c.created_at,
        resolved_by: c.resolved_by,
        resolved_at: c.resolved_at,
        updated_at: c.updated_at,
        version: c.version,
        names: None,
    }
}

/// One follow-up of a work list: its ticket, the technician it concerns (the
/// ticket's when `None`) and who settled it.
pub(crate) struct Concerns {
    pub ticket_id: Uuid,
    pub technician_id: Option<Uuid>,
    pub settled_by: Option<Uuid>,
}

/// The names a page of follow-ups shows, in two queries for the whole page: the
/// tickets' and the people's. `None` for a follow-up whose ticket is gone.
pub(crate) async fn names_of(
    db: &impl ConnectionTrait,
    page: &[Concerns],
) -> Result<Vec<Option<FollowUpNames>>, ApiError> {
    let ticket_ids: Vec<Uuid> = page.iter().map(|c| c.ticket_id).collect();
    let tickets = aftersales_persistence::tickets::names::of_tickets(db, &ticket_ids).await?;
    let people = users::display_names(db, page.iter().flat_map(|c| [c.technician_id, c.settled_by]).flatten()).await?;
    let name = |id: Option<Uuid>| id.and_then(|id| people.get(&id).cloned());
    Ok(page
        .iter()
        .map(|c| {
            let ticket = tickets.get(&c.ticket_id)?;
            Some(FollowUpNames {
                ticket_number: ticket.number.clone(),
                customer_name: ticket.customer_name.clone(),
                branch_name: ticket.branch_name.clone(),
                technician_name: name(c.technician_id).or_else(|| ticket.technician_name.clone()),
                settled_by_name: name(c.settled_by),
            })
        })
        .collect())
}
