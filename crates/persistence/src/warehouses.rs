//! Warehouses: where parts are kept, each belonging to a branch; a van also
//! belongs to its technician.
use aftersales_domain::organisation::BranchScope;
use aftersales_domain::warehouses::WarehouseKind;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use crate::branches::branches_in;
use crate::entities::warehouses::{ActiveModel, Column, Entity, Model};
use crate::versioned::{Expect, update_if_unchanged};
use crate::{StoreError, fetch_size};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warehouse {
    pub id: Uuid,
    pub branch_id: Uuid,
    /// Upper-case; unique across the network.
    pub code: String,
    pub name: String,
    pub kind: WarehouseKind,
    /// The technician whose van this is; only vans have one.
    pub technician_id: Option<Uuid>,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

pub struct NewWarehouse {
    pub branch_id: Uuid,
    /// Already normalised.
    pub code: String,
    pub name: String,
    pub kind: WarehouseKind,
    pub technician_id: Option<Uuid>,
}

/// Fields to change; `None` leaves a field as it is (`Some(None)` clears).
#[derive(Default)]
pub struct WarehouseChanges {
    pub name: Option<String>,
    pub kind: Option<WarehouseKind>,
    pub technician_id: Option<Option<Uuid>>,
    pub active: Option<bool>,
}

#[derive(Default)]
pub struct WarehouseFilter {
    pub branch_id: Option<Uuid>,
    pub kind: Option<WarehouseKind>,
    pub technician_id: Option<Uuid>,
    pub active: Option<bool>,
    /// Keyset cursor: the code of the last warehouse of the previous page.
    pub after_code: Option<String>,
    pub limit: u32,
}

fn duplicate(code: &str) -> String {
    format!("a warehouse with the code {code} already exists")
}

fn to_warehouse(m: Model) -> Result<Warehouse, StoreError> {
    let kind = WarehouseKind::parse(&m.kind)
        .ok_or_else(|| StoreError::Corrupt(format!("warehouse {} has the kind `{}`", m.id, m.kind)))?;
    Ok(Warehouse {
        id: m.id,
        branch_id: m.branch_id,
        code: m.code,
        name: m.name,
        kind,
        technician_id: m.technician_id,
        active: m.active,
        created_at: m.created_at,
        updated_at: m.updated_at,
        version: m.version,
    })
}

pub async fn insert(db: &impl ConnectionTrait, new: NewWarehouse, now: DateTime<Utc>) -> Result<Warehouse, StoreError> {
    let taken = duplicate(&new.code);
    let model = ActiveModel {
        id: Set(Uuid::now_v7()),
        branch_id: Set(new.branch_id),
        code: Set(new.code),
        name: Set(new.name),
        kind: Set(new.kind.as_str().to_owned()),
        technician_id: Set(new.technician_id),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
    .insert(db)
    .await
    .map_err(|e| StoreError::from_write(e, &taken, "the branch or the technician no longer exists"))?;
    to_warehouse(model)
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Warehouse, StoreError> {
    Entity::find_by_id(id).one(db).await?.map(to_warehouse).ok_or(StoreError::NotFound)?
}

/// The warehouse, if its branch lies within the scope; otherwise "not found", so
/// users cannot probe for other branches' warehouses.
pub async fn find_in_scope(db: &impl ConnectionTrait, scope: &BranchScope, id: Uuid) -> Result<Warehouse, StoreError> {
    let warehouse = find(db, id).await?;
    let path = crate::branches::path_of(db, warehouse.branch_id).await?;
    if scope.covers(&path) { Ok(warehouse) } else { Err(StoreError::NotFound) }
}

/// The warehouses of the branches within the scope, ordered by code.
pub async fn list(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    filter: WarehouseFilter,
) -> Result<Vec<Warehouse>, StoreError> {
    let mut query = Entity::find().filter(Column::BranchId.in_subquery(branches_in(scope)));
    if let Some(branch_id) = filter.branch_id {
        query = query.filter(Column::BranchId.eq(branch_id));
    }
    if let Some(kind) = filter.kind {
        query = query.filter(Column::Kind.eq(kind.as_str()));
    }
    if let Some(technician_id) = filter.technician_id {
        query = query.filter(Column::TechnicianId.eq(technician_id));
    }
    if let Some(active) = filter.active {
        query = query.filter(Column::Active.eq(active));
    }
    if let Some(after) = filter.after_code {
        query = query.filter(Column::Code.gt(after));
    }
    let rows = query.order_by_asc(Column::Code).limit(fetch_size(filter.limit)).all(db).await?;
    rows.into_iter().map(to_warehouse).collect()
}

/// Applies `changes` if the warehouse is still at `expected_version` (when given).
pub async fn update(
    db: &impl ConnectionTrait,
    current: &Warehouse,
    expected_version: Option<i64>,
    changes: WarehouseChanges,
    now: DateTime<Utc>,
) -> Result<Warehouse, StoreError> {
    let mut model = ActiveModel { updated_at: Set(now), version: Set(current.version + 1), ..Default::default() };
    if let Some(name) = changes.name {
        model.name = Set(name);
    }
    if let Some(kind) = changes.kind {
        model.kind = Set(kind.as_str().to_owned());
    }
    if let Some(technician_id) = changes.technician_id {
        model.technician_id = Set(technician_id);
    }
    if let Some(active) = changes.active {
        model.active = Set(active);
    }
    let expect = Expect {
        id: (Column::Id, current.id),
        version: (Column::Version, current.version),
        client_version: expected_version,
    };
    update_if_unchanged(db, model, expect).await?;
    find(db, current.id).await
}
