//! The ticket timeline: append-only events, each saying who changed what from what
//! to what. Nothing here updates or deletes.
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use crate::StoreError;
use crate::entities::ticket_events::{ActiveModel, Column, Entity, Model};

/// Parts promised to the ticket from a warehouse.
pub const PARTS_RESERVED: &str = "parts_reserved";
/// A promise of parts given back.
pub const PARTS_RELEASED: &str = "parts_released";
/// Parts handed over for the ticket.
pub const PARTS_ISSUED: &str = "parts_issued";
/// Parts fitted into the unit.
pub const PARTS_USED: &str = "parts_used";
/// Issued parts not used, back on the shelf.
pub const PARTS_RETURNED: &str = "parts_returned";
/// Old parts taken out of the unit, owed back by the technician.
pub const DEFECTIVE_RECORDED: &str = "defective_recorded";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketEvent {
    pub id: Uuid,
    pub ticket_id: Uuid,
    pub at: DateTime<Utc>,
    pub actor_id: Option<Uuid>,
    /// e.g. `created`, `stage_changed`, `field_changed`, `dispatched`, `reopened`.
    pub kind: String,
    pub field: Option<String>,
    pub from_value: Option<String>,
    pub to_value: Option<String>,
    pub note: Option<String>,
}

/// One event to append; `at` and `id` are given by [`append`].
#[derive(Debug, Clone, Default)]
pub struct NewEvent<'a> {
    pub kind: &'a str,
    pub field: Option<&'a str>,
    pub from_value: Option<String>,
    pub to_value: Option<String>,
    pub note: Option<String>,
}

impl<'a> NewEvent<'a> {
    pub fn kind(kind: &'a str) -> Self {
        NewEvent { kind, ..Default::default() }
    }

    /// A field that changed from one value to another.
    pub fn change(field: &'a str, from_value: Option<String>, to_value: Option<String>) -> Self {
        NewEvent { kind: "field_changed", field: Some(field), from_value, to_value, note: None }
    }
}

pub async fn append(
    db: &impl ConnectionTrait,
    ticket_id: Uuid,
    actor_id: Option<Uuid>,
    at: DateTime<Utc>,
    event: NewEvent<'_>,
) -> Result<(), StoreError> {
    ActiveModel {
        id: Set(Uuid::now_v7()),
        ticket_id: Set(ticket_id),
        at: Set(at),
        actor_id: Set(actor_id),
        kind: Set(event.kind.to_owned()),
        field: Set(event.field.map(str::to_owned)),
        from_value: Set(event.from_value),
        to_value: Set(event.to_value),
        note: Set(event.note),
    }
    .insert(db)
    .await?;
    Ok(())
}

fn to_event(m: Model) -> TicketEvent {
    TicketEvent {
        id: m.id,
        ticket_id: m.ticket_id,
        at: m.at,
        actor_id: m.actor_id,
        kind: m.kind,
        field: m.field,
        from_value: m.from_value,
        to_value: m.to_value,
        note: m.note,
    }
}

/// Oldest first (ids are UUIDv7, so id order is the order of appending).
pub async fn of_ticket(db: &impl ConnectionTrait, ticket_id: Uuid) -> Result<Vec<TicketEvent>, StoreError> {
    let rows = Entity::find().filter(Column::TicketId.eq(ticket_id)).order_by_asc(Column::Id).all(db).await?;
    Ok(rows.into_iter().map(to_event).collect())
}

/// Only the stage changes, oldest first: what the public tracking page shows.
pub async fn stage_changes(db: &impl ConnectionTrait, ticket_id: Uuid) -> Result<Vec<TicketEvent>, StoreError> {
    let rows = Entity::find()
        .filter(Column::TicketId.eq(ticket_id))
        .filter(Column::Kind.is_in(["created", "stage_changed", "reopened"]))
        .order_by_asc(Column::Id)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(to_event).collect())
}
