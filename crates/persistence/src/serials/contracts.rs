//! Extended warranties and service contracts bought for a unit.
use aftersales_domain::warranty::{ContractKind, Leg};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde_json::json;
use uuid::Uuid;

use crate::StoreError;
use crate::entities::warranty_contracts::{ActiveModel, Column, Entity, Model};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitContract {
    pub id: Uuid,
    pub serial_id: Uuid,
    /// The contract number.
    pub reference: String,
    pub kind: ContractKind,
    pub legs: Vec<Leg>,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// Only these components; the whole unit when empty.
    pub component_codes: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub created_by: Option<Uuid>,
}

fn kind_str(kind: ContractKind) -> &'static str {
    match kind {
        ContractKind::ExtendedWarranty => "extended_warranty",
        ContractKind::ServiceContract => "service_contract",
    }
}

fn to_domain(m: Model) -> Result<UnitContract, StoreError> {
    let corrupt = |what: &str| StoreError::Corrupt(format!("contract {}: {what}", m.id));
    let kind = match m.kind.as_str() {
        "extended_warranty" => ContractKind::ExtendedWarranty,
        "service_contract" => ContractKind::ServiceContract,
        _ => return Err(corrupt("kind")),
    };
    let leg_names: Vec<String> = serde_json::from_str(&m.legs).map_err(|_| corrupt("legs"))?;
    let legs = leg_names.iter().map(|l| Leg::parse(l)).collect::<Option<Vec<_>>>().ok_or_else(|| corrupt("legs"))?;
    let component_codes = serde_json::from_str(&m.component_codes).map_err(|_| corrupt("component codes"))?;
    Ok(UnitContract {
        id: m.id,
        serial_id: m.serial_id,
        reference: m.reference,
        kind,
        legs,
        starts_on: m.starts_on,
        ends_on: m.ends_on,
        component_codes,
        created_at: m.created_at,
        created_by: m.created_by,
    })
}

/// Stores the contract; `id` and `created_at` are used as given.
pub async fn insert(db: &impl ConnectionTrait, c: &UnitContract) -> Result<(), StoreError> {
    let legs: Vec<&str> = c.legs.iter().map(|l| l.as_str()).collect();
    ActiveModel {
        id: Set(c.id),
        serial_id: Set(c.serial_id),
        reference: Set(c.reference.clone()),
        kind: Set(kind_str(c.kind).to_owned()),
        legs: Set(json!(legs).to_string()),
        starts_on: Set(c.starts_on),
        ends_on: Set(c.ends_on),
        component_codes: Set(json!(c.component_codes).to_string()),
        created_at: Set(c.created_at),
        created_by: Set(c.created_by),
    }
    .insert(db)
    .await
    .map_err(|e| StoreError::from_write(e, "this contract exists already", "the unit no longer exists"))?;
    Ok(())
}

/// The unit's contracts, by start day.
pub async fn of_unit(db: &impl ConnectionTrait, serial_id: Uuid) -> Result<Vec<UnitContract>, StoreError> {
    let rows = Entity::find()
        .filter(Column::SerialId.eq(serial_id))
        .order_by_asc(Column::StartsOn)
        .order_by_asc(Column::Id)
        .all(db)
        .await?;
    rows.into_iter().map(to_domain).collect()
}
