//! Ticket records ↔ wire types. Domain and wire enums share their snake_case
//! names, so they convert through that name (a test walks every variant).
use aftersales_api_types::tickets as wire;
use aftersales_persistence::tickets::{Ticket, events::TicketEvent};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// A domain enum's name as the wire enum of the same name.
pub fn wire_enum<W: DeserializeOwned>(name: &str) -> Result<W, ApiError> {
    serde_json::from_value(serde_json::Value::String(name.to_owned()))
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("no wire value for `{name}`: {e}")))
}

/// A wire enum's name, to parse into the domain enum of the same name.
pub fn wire_name<W: Serialize>(value: &W) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

/// A wire enum as the domain enum of the same name.
pub fn domain_enum<W: Serialize, D>(value: &W, parse: impl Fn(&str) -> Option<D>) -> Result<D, ApiError> {
    let name = wire_name(value);
    parse(&name).ok_or_else(|| ApiError::Internal(anyhow::anyhow!("no domain value for `{name}`")))
}

pub fn ticket_out(t: &Ticket) -> Result<wire::TicketDto, ApiError> {
    Ok(wire::TicketDto {
        id: t.id,
        number: t.number.clone(),
        branch_id: t.branch_id,
        kind: wire_enum(t.kind.as_str())?,
        stage: t.stage.clone(),
        stage_category: wire_enum(t.stage_category.as_str())?,
        channel: wire_enum(t.channel.as_str())?,
        origin: wire_enum(t.origin.as_str())?,
        priority: wire_enum(t.priority.as_str())?,
        customer_id: t.customer_id,
        serial_id: t.serial_id,
        model_id: t.model_id,
        external_reference: t.external_reference.clone(),
        fault_codes: t.fault_codes.clone(),
        fault_description: t.fault_description.clone(),
        accessories: t.accessories.clone(),
        condition_notes: t.condition_notes.clone(),
        requested_from: t.requested_from,
        requested_to: t.requested_to,
        technician_id: t.technician_id,
        dispatched_at: t.dispatched_at,
        appointment_from: t.appointment_from,
        appointment_to: t.appointment_to,
        warranty_status: wire_enum(t.warranty_status.as_str())?,
        warranty: match &t.warranty_snapshot {
            Some(v) => Some(
                serde_json::from_value(v.clone())
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
        repeat_of_ticket_id: t.repeat_of_ticket_id,
        flags: wire::TicketFlags { repeat_repair: t.flag_repeat_repair, contradiction: t.flag_contradiction },
        expected_on: t.expected_on,
        tracking_code: t.tracking_code.clone(),
        closed_at: t.closed_at,
        sealed: t.is_sealed(),
        created_by: t.created_by,
        created_at: t.created_at,
        updated_at: t.updated_at,
        version: t.version,
    })
}

pub fn event_out(e: &TicketEvent) -> wire::TicketEventDto {
    wire::TicketEventDto {
        id: e.id,
        at: e.at,
        actor_id: e.actor_id,
        kind: e.kind.clone(),
        field: e.field.clone(),
        from: e.from_value.clone(),
        to: e.to_value.clone(),
        note: e.note.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftersales_domain::tickets::workflow::Guard;
    use aftersales_domain::tickets::{Channel, Origin, Priority, StageCategory, TicketKind, WarrantyStatus};

    fn round_trips<W: DeserializeOwned + Serialize>(names: &[&str]) {
        for name in names {
            let w: W = wire_enum(name).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(wire_name(&w), *name);
        }
    }

    #[test]
    fn every_domain_enum_has_its_wire_twin() {
        round_trips::<wire::TicketKind>(&TicketKind::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>());
        round_trips::<wire::Channel>(&Channel::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>());
        round_trips::<wire::Origin>(&Origin::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>());
        round_trips::<wire::Priority>(&Priority::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>());
        round_trips::<wire::StageCategory>(&StageCategory::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>());
        round_trips::<wire::WarrantyStatus>(&WarrantyStatus::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>());
        round_trips::<aftersales_api_types::workflows::Guard>(
            &Guard::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>(),
        );
    }
}
