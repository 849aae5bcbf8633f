//! What happened to a unit, in order: registered, sold, owner changed, part swapped,
//! card activated… Rows are only ever added.
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde_json::Value;
use uuid::Uuid;

use crate::StoreError;
use crate::entities::serial_events::{ActiveModel, Column, Entity};

#[derive(Debug, Clone, PartialEq)]
pub struct SerialEvent {
    pub id: Uuid,
    pub serial_id: Uuid,
    pub at: DateTime<Utc>,
    /// e.g. `registered`, `owner_changed`, `component_swapped`.
    pub kind: String,
    pub actor_id: Option<Uuid>,
    pub details: Value,
}

pub async fn record(
    db: &impl ConnectionTrait,
    serial_id: Uuid,
    kind: &str,
    actor_id: Option<Uuid>,
    details: Value,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    ActiveModel {
        id: Set(Uuid::now_v7()),
        serial_id: Set(serial_id),
        at: Set(at),
        kind: Set(kind.to_owned()),
        actor_id: Set(actor_id),
        details: Set(details.to_string()),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Every event of the unit, oldest first.
pub async fn of_unit(db: &impl ConnectionTrait, serial_id: Uuid) -> Result<Vec<SerialEvent>, StoreError> {
    let rows = Entity::find().filter(Column::SerialId.eq(serial_id)).order_by_asc(Column::Id).all(db).await?;
    Ok(rows
        .into_iter()
        .map(|r| SerialEvent {
            id: r.id,
            serial_id: r.serial_id,
            at: r.at,
            kind: r.kind,
            actor_id: r.actor_id,
            details: serde_json::from_str(&r.details).unwrap_or(Value::Null),
        })
        .collect())
}
