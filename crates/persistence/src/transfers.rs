//! Stock transfers between two warehouses and their lines. The stock itself moves
//! through `use_cases::stock::ledger::move_stock` in the same transaction; this stores the
//! document: what was asked for, shipped, received and found missing.
use std::collections::HashMap;

use aftersales_domain::organisation::BranchScope;
pub use aftersales_domain::stock::transfer::{Transfer, TransferLineRow};
use aftersales_domain::stock::transfer::{TransferLine, TransferStatus};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use crate::branches::{branches_in, path_of};
use crate::entities::transfer_lines::{self, Entity as Lines};
use crate::entities::transfers::{ActiveModel, Column, Entity, Model};
use crate::versioned::{Expect, update_if_unchanged};
use crate::{StoreError, fetch_size};

pub struct NewTransfer {
    pub number: String,
    pub from_warehouse_id: Uuid,
    pub to_warehouse_id: Uuid,
    pub from_branch_id: Uuid,
    pub to_branch_id: Uuid,
    pub note: Option<String>,
    pub created_by: Uuid,
    /// Part and quantity, checked by the caller (active parts, no repeats).
    pub lines: Vec<(Uuid, i64)>,
}

#[derive(Default)]
pub struct TransferFilter {
    pub status: Option<TransferStatus>,
    /// Transfers out of or into this warehouse.
    pub warehouse_id: Option<Uuid>,
    /// Shipped and not yet fully received (or the opposite).
    pub in_transit: Option<bool>,
    /// Keyset cursor: the id of the last transfer of the previous page (newest first).
    pub before_id: Option<Uuid>,
    pub limit: u32,
}

fn to_transfer(m: Model, lines: Vec<TransferLineRow>) -> Result<Transfer, StoreError> {
    let status = TransferStatus::parse(&m.status)
        .ok_or_else(|| StoreError::Corrupt(format!("transfer {} has the status `{}`", m.id, m.status)))?;
    Ok(Transfer {
        id: m.id.into(),
        number: m.number,
        from_warehouse_id: m.from_warehouse_id.into(),
        to_warehouse_id: m.to_warehouse_id.into(),
        from_branch_id: m.from_branch_id.into(),
        to_branch_id: m.to_branch_id.into(),
        status,
        note: m.note,
        created_by: m.created_by.map(Into::into),
        created_at: m.created_at,
        shipped_by: m.shipped_by.map(Into::into),
        shipped_at: m.shipped_at,
        received_at: m.received_at,
        closed_by: m.closed_by.map(Into::into),
        closed_at: m.closed_at,
        updated_at: m.updated_at,
        version: m.version,
        lines,
    })
}

fn to_line(m: transfer_lines::Model) -> TransferLineRow {
    TransferLineRow {
        line_no: m.line_no,
        part_id: m.part_id.into(),
        line: TransferLine {
            quantity: m.quantity,
            shipped: m.shipped_quantity,
            received: m.received_quantity,
            missing: m.missing_quantity,
        },
        shipped_unit_cost_minor: m.shipped_unit_cost_minor,
        discrepancy_note: m.discrepancy_note,
    }
}

async fn lines_of(db: &impl ConnectionTrait, ids: &[Uuid]) -> Result<Vec<transfer_lines::Model>, StoreError> {
    Ok(Lines::find()
        .filter(transfer_lines::Column::TransferId.is_in(ids.iter().copied()))
        .order_by_asc(transfer_lines::Column::TransferId)
        .order_by_asc(transfer_lines::Column::LineNo)
        .all(db)
        .await?)
}

pub async fn insert(db: &impl ConnectionTrait, new: NewTransfer, now: DateTime<Utc>) -> Result<Transfer, StoreError> {
    let id = Uuid::now_v7();
    ActiveModel {
        id: Set(id),
        number: Set(new.number),
        from_warehouse_id: Set(new.from_warehouse_id),
        to_warehouse_id: Set(new.to_warehouse_id),
        from_branch_id: Set(new.from_branch_id),
        to_branch_id: Set(new.to_branch_id),
        status: Set(TransferStatus::Draft.as_str().into()),
        note: Set(new.note),
        created_by: Set(Some(new.created_by)),
        created_at: Set(now),
        shipped_by: Set(None),
        shipped_at: Set(None),
        received_at: Set(None),
        closed_by: Set(None),
        closed_at: Set(None),
        updated_at: Set(now),
        version: Set(1),
    }
    .insert(db)
    .await?;
    for (line_no, (part_id, quantity)) in (1..).zip(new.lines) {
        transfer_lines::ActiveModel {
            transfer_id: Set(id),
            line_no: Set(line_no),
            part_id: Set(part_id),
            quantity: Set(quantity),
            shipped_quantity: Set(0),
            shipped_unit_cost_minor: Set(None),
            received_quantity: Set(0),
            missing_quantity: Set(0),
            discrepancy_note: Set(None),
        }
        .insert(db)
        .await?;
    }
    find(db, id).await
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Transfer, StoreError> {
    let model = Entity::find_by_id(id).one(db).await?.ok_or(StoreError::NotFound)?;
    let lines = lines_of(db, &[id]).await?.into_iter().map(to_line).collect();
    to_transfer(model, lines)
}

/// The transfer, locked for the rest of the transaction (PostgreSQL `FOR UPDATE`;
/// SQLite has one writer): two people receiving it at once take turns, and the
/// second sees what the first received.
pub async fn find_for_update(db: &impl ConnectionTrait, id: Uuid) -> Result<Transfer, StoreError> {
    Entity::find_by_id(id).lock_exclusive().one(db).await?.ok_or(StoreError::NotFound)?;
    find(db, id).await
}

/// Which sides of the transfer the scope covers: (source, destination).
pub async fn sides(db: &impl ConnectionTrait, scope: &BranchScope, t: &Transfer) -> Result<(bool, bool), StoreError> {
    Ok((
        scope.covers(&path_of(db, t.from_branch_id.uuid()).await?),
        scope.covers(&path_of(db, t.to_branch_id.uuid()).await?),
    ))
}

/// Transfers out of or into the branches within the scope, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    filter: TransferFilter,
) -> Result<Vec<Transfer>, StoreError> {
    let visible = Condition::any()
        .add(Column::FromBranchId.in_subquery(branches_in(scope)))
        .add(Column::ToBranchId.in_subquery(branches_in(scope)));
    let mut query = Entity::find().filter(visible);
    if let Some(status) = filter.status {
        query = query.filter(Column::Status.eq(status.as_str()));
    }
    if let Some(w) = filter.warehouse_id {
        query = query.filter(Condition::any().add(Column::FromWarehouseId.eq(w)).add(Column::ToWarehouseId.eq(w)));
    }
    if let Some(in_transit) = filter.in_transit {
        let moving = [TransferStatus::Shipped.as_str(), TransferStatus::PartiallyReceived.as_str()];
        query = if in_transit {
            query.filter(Column::Status.is_in(moving))
        } else {
            query.filter(Column::Status.is_not_in(moving))
        };
    }
    if let Some(before) = filter.before_id {
        query = query.filter(Column::Id.lt(before));
    }
    let models = query.order_by_desc(Column::Id).limit(fetch_size(filter.limit)).all(db).await?;
    let ids: Vec<Uuid> = models.iter().map(|m| m.id).collect();
    let mut by_transfer: HashMap<Uuid, Vec<TransferLineRow>> = HashMap::new();
    for line in lines_of(db, &ids).await? {
        by_transfer.entry(line.transfer_id).or_default().push(to_line(line));
    }
    models
        .into_iter()
        .map(|m| {
            let lines = by_transfer.remove(&m.id).unwrap_or_default();
            to_transfer(m, lines)
        })
        .collect()
}

/// Saves the transfer as a step left it (`after`, changed from `current` as read)
/// if it is still at the version read (and, when the client sent one, at its
/// `If-Match` version).
pub async fn save(
    db: &impl ConnectionTrait,
    current: &Transfer,
    expected_version: Option<i64>,
    after: &Transfer,
    now: DateTime<Utc>,
) -> Result<Transfer, StoreError> {
    let model = ActiveModel {
        status: Set(after.status.as_str().into()),
        shipped_by: Set(after.shipped_by.map(uuid::Uuid::from)),
        shipped_at: Set(after.shipped_at),
        received_at: Set(after.received_at),
        closed_by: Set(after.closed_by.map(uuid::Uuid::from)),
        closed_at: Set(after.closed_at),
        updated_at: Set(now),
        version: Set(current.version + 1),
        ..Default::default()
    };
    let expect = Expect {
        id: (Column::Id, current.id.uuid()),
        version: (Column::Version, current.version),
        client_version: expected_version,
    };
    update_if_unchanged(db, model, expect).await?;
    for row in after.lines.iter().filter(|row| !current.lines.contains(row)) {
        Lines::update_many()
            .col_expr(transfer_lines::Column::ShippedQuantity, Expr::value(row.line.shipped))
            .col_expr(transfer_lines::Column::ShippedUnitCostMinor, Expr::value(row.shipped_unit_cost_minor))
            .col_expr(transfer_lines::Column::ReceivedQuantity, Expr::value(row.line.received))
            .col_expr(transfer_lines::Column::MissingQuantity, Expr::value(row.line.missing))
            .col_expr(transfer_lines::Column::DiscrepancyNote, Expr::value(row.discrepancy_note.clone()))
            .filter(transfer_lines::Column::TransferId.eq(current.id.uuid()))
            .filter(transfer_lines::Column::LineNo.eq(row.line_no))
            .exec(db)
            .await?;
    }
    find(db, current.id.uuid()).await
}
