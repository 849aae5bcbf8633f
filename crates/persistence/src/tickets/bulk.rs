//! Many tickets at once, for the volume generator behind the benchmarks and the
//! demo: chunked multi-row INSERTs of what intake, dispatch and closing would have
//! written one request at a time.
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, Set};
use uuid::Uuid;

use super::write::{NewTicket, new_row};
use crate::StoreError;
use crate::bulk::insert_all;
use crate::entities::ticket_events;

/// A ticket as it stands some while after intake.
pub struct BulkTicket {
    pub new: NewTicket,
    pub technician_id: Option<Uuid>,
    pub dispatched_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One line of a ticket's timeline.
pub struct BulkEvent {
    pub ticket_id: Uuid,
    pub at: DateTime<Utc>,
    pub actor_id: Option<Uuid>,
    pub kind: &'static str,
    pub field: Option<&'static str>,
    pub from_value: Option<String>,
    pub to_value: Option<String>,
}

pub async fn insert_tickets(db: &impl ConnectionTrait, all: Vec<BulkTicket>) -> Result<u64, StoreError> {
    let rows = all.into_iter().map(|t| {
        let mut row = new_row(t.new, t.created_at);
        row.technician_id = Set(t.technician_id);
        row.dispatched_at = Set(t.dispatched_at);
        row.closed_at = Set(t.closed_at);
        row.updated_at = Set(t.updated_at);
        row
    });
    Ok(insert_all(db, rows).await?)
}

pub async fn insert_events(db: &impl ConnectionTrait, all: Vec<BulkEvent>) -> Result<u64, StoreError> {
    let rows = all.into_iter().map(|e| ticket_events::ActiveModel {
        id: Set(Uuid::now_v7()),
        ticket_id: Set(e.ticket_id),
        at: Set(e.at),
        actor_id: Set(e.actor_id),
        kind: Set(e.kind.to_owned()),
        field: Set(e.field.map(str::to_owned)),
        from_value: Set(e.from_value),
        to_value: Set(e.to_value),
        note: Set(None),
    });
    Ok(insert_all(db, rows).await?)
}
