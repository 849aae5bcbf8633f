//! Ticket records as the API shows them.
use aftersales_api_types::tickets as wire;
use aftersales_persistence::tickets::names::TicketNames;
use aftersales_persistence::tickets::{Ticket, events::TicketEvent};

use super::convert::ToWire;
use crate::error::ApiError;

pub fn ticket_out(t: &Ticket) -> Result<wire::TicketDto, ApiError> {
    Ok(wire::TicketDto {
        id: t.id.uuid(),
        number: t.number.clone(),
        branch_id: t.branch_id.uuid(),
        kind: t.kind.to_wire(),
        stage: t.stage.clone(),
        stage_category: t.stage_category.to_wire(),
        channel: t.channel.to_wire(),
        origin: t.origin.to_wire(),
        priority: t.priority.to_wire(),
        customer_id: t.customer_id.uuid(),
        serial_id: t.serial_id.map(uuid::Uuid::from),
        model_id: t.model_id.map(uuid::Uuid::from),
        external_reference: t.external_reference.clone(),
        fault_codes: t.fault_codes.clone(),
        fault_description: t.fault_description.clone(),
        accessories: t.accessories.clone(),
        condition_notes: t.condition_notes.clone(),
        requested_from: t.requested_from,
        requested_to: t.requested_to,
        technician_id: t.technician_id.map(uuid::Uuid::from),
        dispatched_at: t.dispatched_at,
        appointment_from: t.appointment_from,
        appointment_to: t.appointment_to,
        warranty_status: t.warranty_status.to_wire(),
        warranty: match &t.warranty_snapshot {
            Some(kept) => Some(
                serde_json::from_str(kept.json())
                    .map_err(|e| ApiError::Internal(anyhow::anyhow!("stored warranty snapshot: {e}")))?,
            ),
            None => None,
        },
        warranty_evaluated_at: t.warranty_evaluated_at,
        diagnosis_code: t.diagnosis_code.clone(),
        resolution_code: t.resolution_code.clone(),
        technician_notes: t.technician_notes.clone(),
        time_on_site_minutes: t.time_on_site_minutes,
        satisfaction_score: t.satisfaction_score,
        repeat_of_ticket_id: t.repeat_of_ticket_id.map(uuid::Uuid::from),
        flags: wire::TicketFlags { repeat_repair: t.flag_repeat_repair, contradiction: t.flag_contradiction },
        expected_on: t.expected_on,
        tracking_code: t.tracking_code.clone(),
        closed_at: t.closed_at,
        sealed: t.is_sealed(),
        created_by: t.created_by.map(uuid::Uuid::from),
        created_at: t.created_at,
        updated_at: t.updated_at,
        version: t.version,
        names: None,
    })
}

/// The names a ticket list shows of a ticket.
pub fn names_out(n: TicketNames) -> wire::TicketNames {
    wire::TicketNames {
        customer_name: n.customer_name,
        branch_code: n.branch_code,
        branch_name: n.branch_name,
        model_code: n.model_code,
        model_name: n.model_name,
        serial: n.serial,
        technician_name: n.technician_name,
    }
}

/// The events whose `to` is the id of the technician sent.
pub const TO_A_TECHNICIAN: [&str; 3] = ["dispatched", "reassigned", "rescheduled"];

/// The technician an event sends the ticket to, if it is such an event.
pub fn technician_sent(e: &TicketEvent) -> Option<uuid::Uuid> {
    TO_A_TECHNICIAN.contains(&e.kind.as_str()).then(|| e.to_value.as_deref().and_then(|v| v.parse().ok())).flatten()
}

/// An event with the names of the people it points at, from `names` (user id →
/// display name).
pub fn event_out(e: &TicketEvent, names: &std::collections::HashMap<uuid::Uuid, String>) -> wire::TicketEventDto {
    let name = |id: Option<uuid::Uuid>| id.and_then(|id| names.get(&id).cloned());
    wire::TicketEventDto {
        id: e.id,
        at: e.at,
        actor_id: e.actor_id,
        actor_name: name(e.actor_id),
        kind: e.kind.clone(),
        field: e.field.clone(),
        from: e.from_value.clone(),
        to: e.to_value.clone(),
        to_name: name(technician_sent(e)),
        note: e.note.clone(),
    }
}
