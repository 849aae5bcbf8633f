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

use aftersales_api_types::followups::{CallbackDto, ComplaintDto};
use aftersales_persistence::tickets::callbacks::Callback;
use aftersales_persistence::tickets::complaints::Complaint;
use chrono::{DateTime, Utc};
use uuid::Uuid;

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
    }
}
