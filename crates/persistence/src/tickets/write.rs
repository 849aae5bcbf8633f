//! Creating tickets and changing them under optimistic concurrency.
use aftersales_domain::tickets::{Channel, Origin, Priority, StageCategory, TicketKind, WarrantyStatus};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use super::record::{Ticket, to_record};
use crate::StoreError;
use crate::entities::tickets::{ActiveModel, Column, Entity};
use crate::versioned::{Expect, update_if_unchanged};

pub struct NewTicket {
    pub id: Uuid,
    pub number: String,
    pub branch_id: Uuid,
    pub kind: TicketKind,
    pub stage: String,
    pub stage_category: StageCategory,
    pub channel: Channel,
    pub origin: Origin,
    pub priority: Priority,
    pub customer_id: Uuid,
    pub serial_id: Option<Uuid>,
    pub model_id: Option<Uuid>,
    pub external_reference: Option<String>,
    pub fault_codes: Vec<String>,
    pub fault_description: Option<String>,
    pub accessories: Vec<String>,
    pub condition_notes: Option<String>,
    pub requested_from: Option<DateTime<Utc>>,
    pub requested_to: Option<DateTime<Utc>>,
    pub warranty_status: WarrantyStatus,
    pub warranty_snapshot: Option<serde_json::Value>,
    pub repeat_of_ticket_id: Option<Uuid>,
    pub expected_on: Option<NaiveDate>,
    pub tracking_code: String,
    pub tracking_hash: String,
    pub search_text: String,
    pub created_by: Option<Uuid>,
}

fn json_list(items: &[String]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".into())
}

pub async fn insert(db: &impl ConnectionTrait, new: NewTicket, now: DateTime<Utc>) -> Result<Ticket, StoreError> {
    let row = new_row(new, now).insert(db).await?;
    to_record(row)
}

/// The row of a ticket just taken in: nobody sent yet, nothing diagnosed.
pub(super) fn new_row(new: NewTicket, now: DateTime<Utc>) -> ActiveModel {
    ActiveModel {
        id: Set(new.id),
        number: Set(new.number),
        branch_id: Set(new.branch_id),
        kind: Set(new.kind.as_str().into()),
        stage: Set(new.stage),
        stage_category: Set(new.stage_category.as_str().into()),
        channel: Set(new.channel.as_str().into()),
        origin: Set(new.origin.as_str().into()),
        priority: Set(new.priority.as_str().into()),
        customer_id: Set(new.customer_id),
        serial_id: Set(new.serial_id),
        model_id: Set(new.model_id),
        external_reference: Set(new.external_reference),
        fault_codes: Set(json_list(&new.fault_codes)),
        fault_description: Set(new.fault_description),
        accessories: Set(json_list(&new.accessories)),
        condition_notes: Set(new.condition_notes),
        requested_from: Set(new.requested_from),
        requested_to: Set(new.requested_to),
        technician_id: Set(None),
        dispatched_at: Set(None),
        appointment_from: Set(None),
        appointment_to: Set(None),
        warranty_status: Set(new.warranty_status.as_str().into()),
        warranty_evaluated_at: Set(new.warranty_snapshot.as_ref().map(|_| now)),
        warranty_snapshot: Set(new.warranty_snapshot.map(|v| v.to_string())),
        diagnosis_code: Set(None),
        resolution_code: Set(None),
        technician_notes: Set(None),
        time_on_site_minutes: Set(None),
        satisfaction_score: Set(None),
        flag_repeat_repair: Set(new.repeat_of_ticket_id.is_some()),
        repeat_of_ticket_id: Set(new.repeat_of_ticket_id),
        flag_contradiction: Set(false),
        expected_on: Set(new.expected_on),
        tracking_code: Set(new.tracking_code),
        tracking_hash: Set(new.tracking_hash),
        search_text: Set(new.search_text),
        closed_at: Set(None),
        created_by: Set(new.created_by),
        partner_id: Set(None),
        service_partner_id: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
}

/// The most recent earlier ticket of a unit, for the repeat-repair flag.
pub async fn latest_for_serial(db: &impl ConnectionTrait, serial_id: Uuid) -> Result<Option<Ticket>, StoreError> {
    Entity::find()
        .filter(Column::SerialId.eq(serial_id))
        .order_by_desc(Column::CreatedAt)
        .one(db)
        .await?
        .map(to_record)
        .transpose()
}

/// The ticket whose public tracking code hashes to `hash`.
pub async fn find_by_tracking_hash(db: &impl ConnectionTrait, hash: &str) -> Result<Option<Ticket>, StoreError> {
    Entity::find().filter(Column::TrackingHash.eq(hash)).one(db).await?.map(to_record).transpose()
}

/// Writes the ticket as changed by the caller (every column but the identity and
/// the creation facts), if nobody changed it since `read.version`, and the client,
/// when it sent `If-Match`, saw that version.
pub async fn save(
    db: &impl ConnectionTrait,
    read_version: i64,
    client_version: Option<i64>,
    t: &Ticket,
    now: DateTime<Utc>,
) -> Result<Ticket, StoreError> {
    let changes = ActiveModel {
        stage: Set(t.stage.clone()),
        stage_category: Set(t.stage_category.as_str().into()),
        priority: Set(t.priority.as_str().into()),
        customer_id: Set(t.customer_id.uuid()),
        external_reference: Set(t.external_reference.clone()),
        fault_codes: Set(json_list(&t.fault_codes)),
        fault_description: Set(t.fault_description.clone()),
        accessories: Set(json_list(&t.accessories)),
        condition_notes: Set(t.condition_notes.clone()),
        requested_from: Set(t.requested_from),
        requested_to: Set(t.requested_to),
        technician_id: Set(t.technician_id.map(uuid::Uuid::from)),
        dispatched_at: Set(t.dispatched_at),
        appointment_from: Set(t.appointment_from),
        appointment_to: Set(t.appointment_to),
        warranty_status: Set(t.warranty_status.as_str().into()),
        warranty_snapshot: Set(t.warranty_snapshot.as_ref().map(|s| s.json().to_owned())),
        warranty_evaluated_at: Set(t.warranty_evaluated_at),
        diagnosis_code: Set(t.diagnosis_code.clone()),
        resolution_code: Set(t.resolution_code.clone()),
        technician_notes: Set(t.technician_notes.clone()),
        time_on_site_minutes: Set(t.time_on_site_minutes),
        satisfaction_score: Set(t.satisfaction_score),
        flag_repeat_repair: Set(t.flag_repeat_repair),
        flag_contradiction: Set(t.flag_contradiction),
        expected_on: Set(t.expected_on),
        closed_at: Set(t.closed_at),
        updated_at: Set(now),
        version: Set(read_version + 1),
        ..Default::default()
    };
    update_if_unchanged(
        db,
        changes,
        Expect { id: (Column::Id, t.id.uuid()), version: (Column::Version, read_version), client_version },
    )
    .await?;
    super::find(db, t.id.uuid()).await
}
