//! A ticket as stored, read back into the domain's ticket.
pub use aftersales_domain::tickets::Ticket;
use aftersales_domain::tickets::{
    Channel, Origin, Priority, StageCategory, TicketKind, WarrantySnapshot, WarrantyStatus,
};
use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

use crate::StoreError;
use crate::entities::tickets::{Entity, Model};

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("ticket {what} `{value}`"))
}

pub(crate) fn string_list(json: &str) -> Result<Vec<String>, StoreError> {
    serde_json::from_str(json).map_err(|_| corrupt("list", json))
}

pub(crate) fn to_record(m: Model) -> Result<Ticket, StoreError> {
    Ok(Ticket {
        kind: TicketKind::parse(&m.kind).ok_or_else(|| corrupt("kind", &m.kind))?,
        stage_category: StageCategory::parse(&m.stage_category)
            .ok_or_else(|| corrupt("stage category", &m.stage_category))?,
        channel: Channel::parse(&m.channel).ok_or_else(|| corrupt("channel", &m.channel))?,
        origin: Origin::parse(&m.origin).ok_or_else(|| corrupt("origin", &m.origin))?,
        priority: Priority::parse(&m.priority).ok_or_else(|| corrupt("priority", &m.priority))?,
        warranty_status: WarrantyStatus::parse(&m.warranty_status)
            .ok_or_else(|| corrupt("warranty status", &m.warranty_status))?,
        fault_codes: string_list(&m.fault_codes)?,
        accessories: string_list(&m.accessories)?,
        warranty_snapshot: match m.warranty_snapshot {
            Some(text) => {
                // Kept as the JSON the API answered; unreadable JSON is a corrupt row.
                serde_json::from_str::<serde_json::Value>(&text).map_err(|_| corrupt("warranty snapshot", "…"))?;
                Some(WarrantySnapshot::new(text))
            }
            None => None,
        },
        id: m.id.into(),
        number: m.number,
        branch_id: m.branch_id.into(),
        stage: m.stage,
        customer_id: m.customer_id.into(),
        serial_id: m.serial_id.map(Into::into),
        model_id: m.model_id.map(Into::into),
        external_reference: m.external_reference,
        fault_description: m.fault_description,
        condition_notes: m.condition_notes,
        requested_from: m.requested_from,
        requested_to: m.requested_to,
        technician_id: m.technician_id.map(Into::into),
        dispatched_at: m.dispatched_at,
        appointment_from: m.appointment_from,
        appointment_to: m.appointment_to,
        warranty_evaluated_at: m.warranty_evaluated_at,
        diagnosis_code: m.diagnosis_code,
        resolution_code: m.resolution_code,
        technician_notes: m.technician_notes,
        time_on_site_minutes: m.time_on_site_minutes,
        satisfaction_score: m.satisfaction_score,
        repeat_of_ticket_id: m.repeat_of_ticket_id.map(Into::into),
        flag_repeat_repair: m.flag_repeat_repair,
        flag_contradiction: m.flag_contradiction,
        expected_on: m.expected_on,
        tracking_code: m.tracking_code,
        closed_at: m.closed_at,
        created_by: m.created_by.map(Into::into),
        created_at: m.created_at,
        updated_at: m.updated_at,
        version: m.version,
    })
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Ticket, StoreError> {
    Entity::find_by_id(id).one(db).await?.map(to_record).transpose()?.ok_or(StoreError::NotFound)
}

/// A ticket of a branch within the scope; `NotFound` otherwise, so tickets of other
/// parts of the network do not even show that they exist.
pub async fn find_in_scope(
    db: &impl ConnectionTrait,
    scope: &aftersales_domain::organisation::BranchScope,
    id: Uuid,
) -> Result<Ticket, StoreError> {
    let ticket = find(db, id).await?;
    let path = crate::branches::path_of(db, ticket.branch_id.uuid()).await?;
    if scope.covers(&path) { Ok(ticket) } else { Err(StoreError::NotFound) }
}
