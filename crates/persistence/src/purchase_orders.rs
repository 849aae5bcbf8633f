//! Purchase orders to suppliers (or manufacturers) and their lines. Receipts move
//! stock through `use_cases::stock::ledger::move_stock` in the same transaction; this stores the
//! order: what was ordered at which cost, and how much has arrived.
use std::collections::HashMap;

use aftersales_domain::money::{Currency, Money};
use aftersales_domain::organisation::BranchScope;
use aftersales_domain::stock::purchasing::PurchaseOrderStatus;
pub use aftersales_domain::stock::purchasing::{NewLine, PurchaseOrder, PurchaseOrderLine};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use crate::branches::{branches_in, path_of};
use crate::entities::purchase_order_lines::{self, Entity as Lines};
use crate::entities::purchase_orders::{ActiveModel, Column, Entity, Model};
use crate::money::currency;
use crate::versioned::{Expect, update_if_unchanged};
use crate::{StoreError, fetch_size};

pub struct NewPurchaseOrder {
    pub number: String,
    pub branch_id: Uuid,
    pub warehouse_id: Uuid,
    pub supplier_name: String,
    pub brand_id: Option<Uuid>,
    pub currency: Currency,
    pub expected_on: Option<NaiveDate>,
    pub note: Option<String>,
    pub created_by: Uuid,
    pub lines: Vec<NewLine>,
}

#[derive(Default)]
pub struct PurchaseOrderFilter {
    pub status: Option<PurchaseOrderStatus>,
    pub warehouse_id: Option<Uuid>,
    /// Keyset cursor: the id of the last order of the previous page (newest first).
    pub before_id: Option<Uuid>,
    pub limit: u32,
}

fn to_order(m: Model, lines: Vec<purchase_order_lines::Model>) -> Result<PurchaseOrder, StoreError> {
    let currency = currency(&m.currency)?;
    let status = PurchaseOrderStatus::parse(&m.status)
        .ok_or_else(|| StoreError::Corrupt(format!("purchase order {} has the status `{}`", m.id, m.status)))?;
    Ok(PurchaseOrder {
        id: m.id.into(),
        number: m.number,
        branch_id: m.branch_id.into(),
        warehouse_id: m.warehouse_id.into(),
        supplier_name: m.supplier_name,
        brand_id: m.brand_id.map(Into::into),
        currency,
        status,
        expected_on: m.expected_on,
        note: m.note,
        created_by: m.created_by.map(Into::into),
        created_at: m.created_at,
        ordered_by: m.ordered_by.map(Into::into),
        ordered_at: m.ordered_at,
        received_at: m.received_at,
        cancelled_at: m.cancelled_at,
        updated_at: m.updated_at,
        version: m.version,
        lines: lines.into_iter().map(|l| to_line(l, currency)).collect(),
    })
}

fn to_line(m: purchase_order_lines::Model, currency: Currency) -> PurchaseOrderLine {
    PurchaseOrderLine {
        line_no: m.line_no,
        part_id: m.part_id.into(),
        ordered: m.quantity_ordered,
        unit_cost: Money::new(m.unit_cost_minor, currency),
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

async fn write_lines(db: &impl ConnectionTrait, order_id: Uuid, lines: &[PurchaseOrderLine]) -> Result<(), StoreError> {
    for line in lines {
        purchase_order_lines::ActiveModel {
            purchase_order_id: Set(order_id),
            line_no: Set(line.line_no),
            part_id: Set(line.part_id.uuid()),
            quantity_ordered: Set(line.ordered),
            unit_cost_minor: Set(line.unit_cost.minor()),
            quantity_received: Set(line.received),
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
        currency: Set(new.currency.code().to_owned()),
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
    let lines: Vec<PurchaseOrderLine> = (1..).zip(&new.lines).map(|(line_no, line)| line.numbered(line_no)).collect();
    write_lines(db, id, &lines).await?;
    find(db, id).await
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<PurchaseOrder, StoreError> {
    let model = Entity::find_by_id(id).one(db).await?.ok_or(StoreError::NotFound)?;
    let lines = lines_of(db, &[id]).await?;
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
    let mut by_order: HashMap<Uuid, Vec<purchase_order_lines::Model>> = HashMap::new();
    for line in lines_of(db, &ids).await? {
        by_order.entry(line.purchase_order_id).or_default().push(line);
    }
    models
        .into_iter()
        .map(|m| {
            let lines = by_order.remove(&m.id).unwrap_or_default();
            to_order(m, lines)
        })
        .collect()
}

/// Saves the order as a step left it (`after`, changed from `current` as read) if
/// it is still at the version read (and, when the client sent one, at its
/// `If-Match` version).
pub async fn save(
    db: &impl ConnectionTrait,
    current: &PurchaseOrder,
    expected_version: Option<i64>,
    after: &PurchaseOrder,
    now: DateTime<Utc>,
) -> Result<PurchaseOrder, StoreError> {
    let model = ActiveModel {
        supplier_name: Set(after.supplier_name.clone()),
        brand_id: Set(after.brand_id.map(uuid::Uuid::from)),
        expected_on: Set(after.expected_on),
        note: Set(after.note.clone()),
        status: Set(after.status.as_str().into()),
        ordered_by: Set(after.ordered_by.map(uuid::Uuid::from)),
        ordered_at: Set(after.ordered_at),
        received_at: Set(after.received_at),
        cancelled_at: Set(after.cancelled_at),
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
    let same_lines = current.lines.len() == after.lines.len()
        && current.lines.iter().zip(&after.lines).all(|(a, b)| {
            (a.line_no, a.part_id, a.ordered, a.unit_cost) == (b.line_no, b.part_id, b.ordered, b.unit_cost)
        });
    if same_lines {
        for line in after.lines.iter().filter(|line| !current.lines.contains(line)) {
            Lines::update_many()
                .col_expr(purchase_order_lines::Column::QuantityReceived, Expr::value(line.received))
                .filter(purchase_order_lines::Column::PurchaseOrderId.eq(current.id.uuid()))
                .filter(purchase_order_lines::Column::LineNo.eq(line.line_no))
                .exec(db)
                .await?;
        }
    } else {
        // A draft's lines were replaced.
        Lines::delete_many()
            .filter(purchase_order_lines::Column::PurchaseOrderId.eq(current.id.uuid()))
            .exec(db)
            .await?;
        write_lines(db, current.id.uuid(), &after.lines).await?;
    }
    find(db, current.id.uuid()).await
}
