//! Purchase orders to suppliers (or manufacturers) and their lines. Receipts move
//! stock through `use_cases::stock::ledger::move_stock` in the same transaction; this stores the
//! order: what was ordered at which cost, and how much has arrived.
use std::collections::HashMap;

use aftersales_domain::organisation::BranchScope;
use aftersales_domain::stock::purchasing::PurchaseOrderStatus;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use crate::branches::{branches_in, path_of};
use crate::entities::purchase_order_lines::{self, Entity as Lines};
use crate::entities::purchase_orders::{ActiveModel, Column, Entity, Model};
use crate::versioned::{Expect, update_if_unchanged};
use crate::{StoreError, fetch_size};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PurchaseOrder {
    pub id: Uuid,
    /// `PO-HN01-2026-000001`: the receiving warehouse's branch series.
    pub number: String,
    pub branch_id: Uuid,
    pub warehouse_id: Uuid,
    pub supplier_name: String,
    pub brand_id: Option<Uuid>,
    /// The currency of every line's cost (and of its parts).
    pub currency: String,
    pub status: PurchaseOrderStatus,
    pub expected_on: Option<NaiveDate>,
    pub note: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub ordered_by: Option<Uuid>,
    pub ordered_at: Option<DateTime<Utc>>,
    pub received_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
    pub lines: Vec<PurchaseOrderLine>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PurchaseOrderLine {
    pub line_no: i32,
    pub part_id: Uuid,
    pub ordered: i64,
    pub unit_cost_minor: i64,
    pub received: i64,
}

/// A line as written on a draft, checked by the caller.
#[derive(Debug, Clone)]
pub struct NewLine {
    pub part_id: Uuid,
    pub quantity: i64,
    pub unit_cost_minor: i64,
}

pub struct NewPurchaseOrder {
    pub number: String,
    pub branch_id: Uuid,
    pub warehouse_id: Uuid,
    pub supplier_name: String,
    pub brand_id: Option<Uuid>,
    pub currency: String,
    pub expected_on: Option<NaiveDate>,
    pub note: Option<String>,
    pub created_by: Uuid,
    pub lines: Vec<NewLine>,
}

/// Fields to change; `None` leaves a field as it is (`Some(None)` clears).
#[derive(Default)]
pub struct PurchaseOrderChanges {
    pub supplier_name: Option<String>,
    pub brand_id: Option<Option<Uuid>>,
    pub expected_on: Option<Option<NaiveDate>>,
    pub note: Option<Option<String>>,
    /// Replaces every line (drafts only).
    pub lines: Option<Vec<NewLine>>,
    pub status: Option<PurchaseOrderStatus>,
    pub ordered_by: Option<Uuid>,
    pub ordered_at: Option<DateTime<Utc>>,
    pub received_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
    /// New received quantities by line number.
    pub received: Vec<(i32, i64)>,
}

#[derive(Default)]
pub struct PurchaseOrderFilter {
    pub status: Option<PurchaseOrderStatus>,
    pub warehouse_id: Option<Uuid>,
    /// Keyset cursor: the id of the last order of the previous page (newest first).
    pub before_id: Option<Uuid>,
    pub limit: u32,
}

fn to_order(m: Model, lines: Vec<PurchaseOrderLine>) -> Result<PurchaseOrder, StoreError> {
    let status = PurchaseOrderStatus::parse(&m.status)
        .ok_or_else(|| StoreError::Corrupt(format!("purchase order {} has the status `{}`", m.id, m.status)))?;
    Ok(PurchaseOrder {
        id: m.id,
        number: m.number,
        branch_id: m.branch_id,
        warehouse_id: m.warehouse_id,
        supplier_name: m.supplier_name,
        brand_id: m.brand_id,
        currency: m.currency,
        status,
        expected_on: m.expected_on,
        note: m.note,
        created_by: m.created_by,
        created_at: m.created_at,
        ordered_by: m.ordered_by,
        ordered_at: m.ordered_at,
        received_at: m.received_at,
        cancelled_at: m.cancelled_at,
        updated_at: m.updated_at,
        version: m.version,
        lines,
    })
}

fn to_line(m: purchase_order_lines::Model) -> PurchaseOrderLine {
    PurchaseOrderLine {
        line_no: m.line_no,
        part_id: m.part_id,
        ordered: m.quantity_ordered,
        unit_cost_minor: m.unit_cost_minor,
        received: m.quantity_received,
    }
}

async fn lines_of(db: &impl ConnectionTrait, ids: &[Uuid]) -> Result<Vec<purchase_order_lines::Model>, StoreError> {
    Ok(Lines::find()
        .filter(purchase_order_lines::Column::PurchaseOrderId.is_in(ids.iter().copied()))
        .order_by_asc(purchase_order_lines::Column::PurchaseOrderId)
        .order_by_asc(purchase_order_lines::Column::LineNo)
        .all(db)
        .await?)
}

async fn write_lines(db: &impl ConnectionTrait, order_id: Uuid, lines: Vec<NewLine>) -> Result<(), StoreError> {
    for (line_no, line) in (1..).zip(lines) {
        purchase_order_lines::ActiveModel {
            purchase_order_id: Set(order_id),
            line_no: Set(line_no),
            part_id: Set(line.part_id),
            quantity_ordered: Set(line.quantity),
            unit_cost_minor: Set(line.unit_cost_minor),
            quantity_received: Set(0),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

pub async fn insert(
    db: &impl ConnectionTrait,
    new: NewPurchaseOrder,
    now: DateTime<Utc>,
) -> Result<PurchaseOrder, StoreError> {
    let id = Uuid::now_v7();
    ActiveModel {
        id: Set(id),
        number: Set(new.number),
        branch_id: Set(new.branch_id),
        warehouse_id: Set(new.warehouse_id),
        supplier_name: Set(new.supplier_name),
        brand_id: Set(new.brand_id),
        currency: Set(new.currency),
        status: Set(PurchaseOrderStatus::Draft.as_str().into()),
        expected_on: Set(new.expected_on),
        note: Set(new.note),
        created_by: Set(Some(new.created_by)),
        created_at: Set(now),
        ordered_by: Set(None),
        ordered_at: Set(None),
        received_at: Set(None),
        cancelled_at: Set(None),
        updated_at: Set(now),
        version: Set(1),
    }
    .insert(db)
    .await?;
    write_lines(db, id, new.lines).await?;
    find(db, id).await
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<PurchaseOrder, StoreError> {
    let model = Entity::find_by_id(id).one(db).await?.ok_or(StoreError::NotFound)?;
    let lines = lines_of(db, &[id]).await?.into_iter().map(to_line).collect();
    to_order(model, lines)
}

/// The order if its branch lies within the scope ("not found" otherwise); with
/// `lock`, locked for the rest of the transaction (PostgreSQL `FOR UPDATE`) so
/// that two receipts against it take turns.
pub async fn find_in_scope(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    id: Uuid,
    lock: bool,
) -> Result<PurchaseOrder, StoreError> {
    let mut query = Entity::find_by_id(id);
    if lock {
        query = query.lock_exclusive();
    }
    let model = query.one(db).await?.ok_or(StoreError::NotFound)?;
    if !scope.covers(&path_of(db, model.branch_id).await?) {
        return Err(StoreError::NotFound);
    }
    find(db, id).await
}

/// Orders received into the branches within the scope, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    filter: PurchaseOrderFilter,
) -> Result<Vec<PurchaseOrder>, StoreError> {
    let mut query = Entity::find().filter(Column::BranchId.in_subquery(branches_in(scope)));
    if let Some(status) = filter.status {
        query = query.filter(Column::Status.eq(status.as_str()));
    }
    if let Some(w) = filter.warehouse_id {
        query = query.filter(Column::WarehouseId.eq(w));
    }
    if let Some(before) = filter.before_id {
        query = query.filter(Column::Id.lt(before));
    }
    let models = query.order_by_desc(Column::Id).limit(fetch_size(filter.limit)).all(db).await?;
    let ids: Vec<Uuid> = models.iter().map(|m| m.id).collect();
    let mut by_order: HashMap<Uuid, Vec<PurchaseOrderLine>> = HashMap::new();
    for line in lines_of(db, &ids).await? {
        by_order.entry(line.purchase_order_id).or_default().push(to_line(line));
    }
    models
        .into_iter()
        .map(|m| {
            let lines = by_order.remove(&m.id).unwrap_or_default();
            to_order(m, lines)
        })
        .collect()
}

/// Applies `changes` if the order is still at the version read (and, when the
/// client sent one, at its `If-Match` version).
pub async fn update(
    db: &impl ConnectionTrait,
    current: &PurchaseOrder,
    expected_version: Option<i64>,
    changes: PurchaseOrderChanges,
    now: DateTime<Utc>,
) -> Result<PurchaseOrder, StoreError> {
    let mut model = ActiveModel { updated_at: Set(now), version: Set(current.version + 1), ..Default::default() };
    if let Some(v) = changes.supplier_name {
        model.supplier_name = Set(v);
    }
    if let Some(v) = changes.brand_id {
        model.brand_id = Set(v);
    }
    if let Some(v) = changes.expected_on {
        model.expected_on = Set(v);
    }
    if let Some(v) = changes.note {
        model.note = Set(v);
    }
    if let Some(v) = changes.status {
        model.status = Set(v.as_str().into());
    }
    if let Some(v) = changes.ordered_by {
        model.ordered_by = Set(Some(v));
    }
    if let Some(v) = changes.ordered_at {
        model.ordered_at = Set(Some(v));
    }
    if let Some(v) = changes.received_at {
        model.received_at = Set(Some(v));
    }
    if let Some(v) = changes.cancelled_at {
        model.cancelled_at = Set(Some(v));
    }
    let expect = Expect {
        id: (Column::Id, current.id),
        version: (Column::Version, current.version),
        client_version: expected_version,
    };
    update_if_unchanged(db, model, expect).await?;
    if let Some(lines) = changes.lines {
        Lines::delete_many().filter(purchase_order_lines::Column::PurchaseOrderId.eq(current.id)).exec(db).await?;
        write_lines(db, current.id, lines).await?;
    }
    for (line_no, received) in changes.received {
        Lines::update_many()
            .col_expr(purchase_order_lines::Column::QuantityReceived, Expr::value(received))
            .filter(purchase_order_lines::Column::PurchaseOrderId.eq(current.id))
            .filter(purchase_order_lines::Column::LineNo.eq(line_no))
            .exec(db)
            .await?;
    }
    find(db, current.id).await
}
