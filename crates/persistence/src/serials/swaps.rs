//! Components replaced in a unit; each replacement is guaranteed on its own.
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use crate::StoreError;
use crate::entities::component_swaps::{ActiveModel, Column, Entity, Model};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComponentSwap {
    pub id: Uuid,
    pub serial_id: Uuid,
    pub component_code: String,
    pub old_part_serial: Option<String>,
    pub new_part_serial: Option<String>,
    pub swapped_on: NaiveDate,
    /// The ticket or document that did the swap.
    pub reference: String,
    pub warranty_days: u32,
    pub created_at: DateTime<Utc>,
    pub created_by: Option<Uuid>,
}

fn to_domain(m: Model) -> ComponentSwap {
    ComponentSwap {
        id: m.id,
        serial_id: m.serial_id,
        component_code: m.component_code,
        old_part_serial: m.old_part_serial,
        new_part_serial: m.new_part_serial,
        swapped_on: m.swapped_on,
        reference: m.reference,
        warranty_days: u32::try_from(m.warranty_days).unwrap_or(0),
        created_at: m.created_at,
        created_by: m.created_by,
    }
}

/// Stores the swap; `id` and `created_at` of `swap` are used as given.
pub async fn insert(db: &impl ConnectionTrait, swap: &ComponentSwap) -> Result<(), StoreError> {
    ActiveModel {
        id: Set(swap.id),
        serial_id: Set(swap.serial_id),
        component_code: Set(swap.component_code.clone()),
        old_part_serial: Set(swap.old_part_serial.clone()),
        new_part_serial: Set(swap.new_part_serial.clone()),
        swapped_on: Set(swap.swapped_on),
        reference: Set(swap.reference.clone()),
        warranty_days: Set(i32::try_from(swap.warranty_days).unwrap_or(i32::MAX)),
        created_at: Set(swap.created_at),
        created_by: Set(swap.created_by),
    }
    .insert(db)
    .await
    .map_err(|e| StoreError::from_write(e, "this swap exists already", "the unit no longer exists"))?;
    Ok(())
}

/// The unit's swaps, in the order they were done.
pub async fn of_unit(db: &impl ConnectionTrait, serial_id: Uuid) -> Result<Vec<ComponentSwap>, StoreError> {
    let rows = Entity::find()
        .filter(Column::SerialId.eq(serial_id))
        .order_by_asc(Column::SwappedOn)
        .order_by_asc(Column::Id)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(to_domain).collect())
}
