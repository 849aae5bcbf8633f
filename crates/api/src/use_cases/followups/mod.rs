//! Shared by the `/followups` use cases.
use aftersales_api_types::followups::{CallbackDto, ComplaintDto};
use aftersales_persistence::tickets::callbacks::Callback;
use aftersales_persistence::tickets::complaints::Complaint;
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::error::ApiError;
use crate::use_cases::tickets::wire_enum;

pub(crate) fn callback_out(
    c: &Callback,
    ticket_number: &str,
    branch_id: Uuid,
    now: DateTime<Utc>,
) -> Result<CallbackDto, ApiError> {
    Ok(CallbackDto {
        id: c.id,
        ticket_id: c.ticket_id,
        ticket_number: ticket_number.to_owned(),
        branch_id,
        status: wire_enum(c.status.as_str())?,
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
    })
}

pub(crate) fn complaint_out(c: &Complaint) -> Result<ComplaintDto, ApiError> {
    Ok(ComplaintDto {
        id: c.id,
        ticket_id: c.ticket_id,
        branch_id: c.branch_id,
        technician_id: c.technician_id,
        category: wire_enum(c.category.as_str())?,
        description: c.description.clone(),
        status: wire_enum(c.status.as_str())?,
        resolution: c.resolution.clone(),
        created_by: c.created_by,
        created_at: c.created_at,
        resolved_by: c.resolved_by,
        resolved_at: c.resolved_at,
        updated_at: c.updated_at,
        version: c.version,
    })
}
