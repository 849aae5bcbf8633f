//! Old parts taken out of units on tickets, owed back by the technician until they
//! are handed in to a defective-parts warehouse (and later shipped back to the
//! manufacturer, written off or scrapped).
use std::collections::BTreeMap;

use aftersales_domain::organisation::BranchScope;
use aftersales_domain::stock::ticket_parts::DefectiveStatus;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use uuid::Uuid;

use crate::branches::branches_in;
use crate::entities::defective_parts::{ActiveModel, Column, Entity, Model};
use crate::entities::{parts, tickets};
use crate::{StoreError, fetch_size};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefectivePart {
    pub id: Uuid,
    pub ticket_id: Uuid,
    pub ticket_part_id: Uuid,
    pub part_id: Uuid,
    /// Who owes it back.
    pub technician_id: Uuid,
    /// The ticket's branch.
    pub branch_id: Uuid,
    pub quantity: i64,
    pub due_at: DateTime<Utc>,
    pub status: DefectiveStatus,
    pub received_warehouse_id: Option<Uuid>,
    pub received_at: Option<DateTime<Utc>>,
    pub received_by: Option<Uuid>,
    pub rtv_shipment_id: Option<Uuid>,
    pub closed_at: Option<DateTime<Utc>>,
    pub close_reason: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

impl DefectivePart {
    pub fn overdue(&self, now: DateTime<Utc>) -> bool {
        self.status == DefectiveStatus::Owed && self.due_at < now
    }
}

pub struct NewDefectivePart {
    pub ticket_id: Uuid,
    pub ticket_part_id: Uuid,
    pub part_id: Uuid,
    pub technician_id: Uuid,
    pub branch_id: Uuid,
    pub quantity: i64,
    pub due_at: DateTime<Utc>,
    pub created_by: Option<Uuid>,
}

pub(crate) fn to_record(m: Model) -> Result<DefectivePart, StoreError> {
    Ok(DefectivePart {
        status: DefectiveStatus::parse(&m.status)
            .ok_or_else(|| StoreError::Corrupt(format!("defective part status `{}`", m.status)))?,
        id: m.id,
        ticket_id: m.ticket_id,
        ticket_part_id: m.ticket_part_id,
        part_id: m.part_id,
        technician_id: m.technician_id,
        branch_id: m.branch_id,
        quantity: m.quantity,
        due_at: m.due_at,
        received_warehouse_id: m.received_warehouse_id,
        received_at: m.received_at,
        received_by: m.received_by,
        rtv_shipment_id: m.rtv_shipment_id,
        closed_at: m.closed_at,
        close_reason: m.close_reason,
        created_by: m.created_by,
        created_at: m.created_at,
        updated_at: m.updated_at,
        version: m.version,
    })
}

pub async fn insert(
    db: &impl ConnectionTrait,
    new: NewDefectivePart,
    now: DateTime<Utc>,
) -> Result<DefectivePart, StoreError> {
    let row = ActiveModel {
        id: Set(Uuid::now_v7()),
        ticket_id: Set(new.ticket_id),
        ticket_part_id: Set(new.ticket_part_id),
        part_id: Set(new.part_id),
        technician_id: Set(new.technician_id),
        branch_id: Set(new.branch_id),
        quantity: Set(new.quantity),
        due_at: Set(new.due_at),
        status: Set(DefectiveStatus::Owed.as_str().to_owned()),
        received_warehouse_id: Set(None),
        received_at: Set(None),
        received_by: Set(None),
        rtv_shipment_id: Set(None),
        closed_at: Set(None),
        close_reason: Set(None),
        created_by: Set(new.created_by),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
    .insert(db)
    .await?;
    to_record(row)
}

/// A part of a branch within the scope, locked for the rest of the transaction;
/// `NotFound` otherwise.
pub async fn lock_in_scope(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    id: Uuid,
) -> Result<DefectivePart, StoreError> {
    let found = Entity::find_by_id(id)
        .filter(Column::BranchId.in_subquery(branches_in(scope)))
        .lock_exclusive()
        .one(db)
        .await?;
    found.map(to_record).transpose()?.ok_or(StoreError::NotFound)
}

/// Records the part as handed in to `warehouse_id` (the caller checked it was owed).
pub async fn mark_received(
    db: &impl ConnectionTrait,
    part: &DefectivePart,
    warehouse_id: Uuid,
    by: Uuid,
    now: DateTime<Utc>,
) -> Result<DefectivePart, StoreError> {
    let result = Entity::update_many()
        .col_expr(Column::Status, Expr::value(DefectiveStatus::Received.as_str()))
        .col_expr(Column::ReceivedWarehouseId, Expr::value(warehouse_id))
        .col_expr(Column::ReceivedAt, Expr::value(now))
        .col_expr(Column::ReceivedBy, Expr::value(by))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .col_expr(Column::Version, Expr::col(Column::Version).add(1))
        .filter(Column::Id.eq(part.id))
        .filter(Column::Version.eq(part.version))
        .exec(db)
        .await?;
    if result.rows_affected == 0 {
        return Err(StoreError::StaleVersion);
    }
    Entity::find_by_id(part.id).one(db).await?.map(to_record).transpose()?.ok_or(StoreError::NotFound)
}

/// The old parts recorded on a ticket, oldest first.
pub async fn of_ticket(db: &impl ConnectionTrait, ticket_id: Uuid) -> Result<Vec<DefectivePart>, StoreError> {
    let rows = Entity::find().filter(Column::TicketId.eq(ticket_id)).order_by_asc(Column::Id).all(db).await?;
    rows.into_iter().map(to_record).collect()
}

/// The numbers of the tickets the old parts came from, by ticket id.
pub async fn ticket_numbers(
    db: &impl ConnectionTrait,
    ticket_ids: impl Iterator<Item = Uuid>,
) -> Result<BTreeMap<Uuid, String>, StoreError> {
    let ids: Vec<Uuid> = ticket_ids.collect();
    Ok(tickets::Entity::find()
        .filter(tickets::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t.number))
        .collect())
}

/// What a list shows of the part an old part is: its SKU, name and brand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartLabel {
    pub sku: String,
    pub name: String,
    pub brand_id: Uuid,
}

/// The SKU, name and brand of the parts `part_ids`, by part id, in one query.
pub async fn part_labels(
    db: &impl ConnectionTrait,
    part_ids: impl Iterator<Item = Uuid>,
) -> Result<BTreeMap<Uuid, PartLabel>, StoreError> {
    let ids: std::collections::BTreeSet<Uuid> = part_ids.collect();
    if ids.is_empty() {
        return Ok(BTreeMap::new());
    }
    let rows: Vec<(Uuid, String, String, Uuid)> = parts::Entity::find()
        .select_only()
        .column(parts::Column::Id)
        .column(parts::Column::Sku)
        .column(parts::Column::Name)
        .column(parts::Column::BrandId)
        .filter(parts::Column::Id.is_in(ids))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|(id, sku, name, brand_id)| (id, PartLabel { sku, name, brand_id })).collect())
}

#[derive(Debug, Clone, Default)]
pub struct DefectiveFilter {
    pub status: Option<DefectiveStatus>,
    pub technician_id: Option<Uuid>,
    /// `Some(true)`: still owed and past due; `Some(false)`: everything else.
    pub overdue: Option<bool>,
    pub branch_id: Option<Uuid>,
    /// Keyset cursor: due time and id of the last part of the previous page.
    pub after: Option<(DateTime<Utc>, Uuid)>,
    pub limit: u32,
}

/// A part in a list, with its ticket's number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefectiveRow {
    pub part: DefectivePart,
    pub ticket_number: String,
}

fn overdue_condition(now: DateTime<Utc>) -> sea_orm::Condition {
    sea_orm::Condition::all().add(Column::Status.eq(DefectiveStatus::Owed.as_str())).add(Column::DueAt.lt(now))
}

fn in_scope(scope: &BranchScope, branch_id: Option<Uuid>) -> sea_orm::Condition {
    let mut c = sea_orm::Condition::all().add(Column::BranchId.in_subquery(branches_in(scope)));
    if let Some(branch) = branch_id {
        c = c.add(Column::BranchId.eq(branch));
    }
    c
}

/// The old parts `f` picks (all but its cursor and limit), within the scope.
fn filtered(scope: &BranchScope, f: &DefectiveFilter, now: DateTime<Utc>) -> sea_orm::Select<Entity> {
    let mut query = Entity::find().filter(in_scope(scope, f.branch_id));
    if let Some(status) = f.status {
        query = query.filter(Column::Status.eq(status.as_str()));
    }
    if let Some(technician) = f.technician_id {
        query = query.filter(Column::TechnicianId.eq(technician));
    }
    match f.overdue {
        Some(true) => query = query.filter(overdue_condition(now)),
        Some(false) => query = query.filter(overdue_condition(now).not()),
        None => {}
    }
    query
}

/// How many old parts `f` picks (its cursor and limit aside).
pub async fn count(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    f: &DefectiveFilter,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    Ok(filtered(scope, f, now).count(db).await?)
}

/// Old parts of branches within the scope, the earliest due first.
pub async fn list(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    f: DefectiveFilter,
    now: DateTime<Utc>,
) -> Result<Vec<DefectiveRow>, StoreError> {
    let mut query = filtered(scope, &f, now);
    query = query.filter(crate::after_key(Column::DueAt, Column::Id, f.after));
    let rows = query.order_by_asc(Column::DueAt).order_by_asc(Column::Id).limit(fetch_size(f.limit)).all(db).await?;
    let numbers = ticket_numbers(db, rows.iter().map(|r| r.ticket_id)).await?;
    rows.into_iter()
        .map(|row| {
            let ticket_number = numbers
                .get(&row.ticket_id)
                .cloned()
                .ok_or_else(|| StoreError::Corrupt("defective part without its ticket".into()))?;
            Ok(DefectiveRow { part: to_record(row)?, ticket_number })
        })
        .collect()
}

/// What one technician owes past its due time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arrears {
    pub technician_id: Uuid,
    /// Overdue records (one per recording of old parts).
    pub count: u64,
    /// Overdue parts, counted one by one.
    pub quantity: i64,
    pub oldest_due_at: DateTime<Utc>,
}

/// Overdue old parts of branches within the scope, per technician, the longest
/// overdue first.
pub async fn overdue_by_technician(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    branch_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<Vec<Arrears>, StoreError> {
    // Summed here rather than in SQL: PostgreSQL sums a BIGINT as NUMERIC.
    let rows: Vec<(Uuid, i64, DateTime<Utc>)> = Entity::find()
        .select_only()
        .column(Column::TechnicianId)
        .column(Column::Quantity)
        .column(Column::DueAt)
        .filter(in_scope(scope, branch_id))
        .filter(overdue_condition(now))
        .into_tuple()
        .all(db)
        .await?;
    let mut per: BTreeMap<Uuid, Arrears> = BTreeMap::new();
    for (technician_id, quantity, due_at) in rows {
        let entry =
            per.entry(technician_id).or_insert(Arrears { technician_id, count: 0, quantity: 0, oldest_due_at: due_at });
        entry.count += 1;
        entry.quantity += quantity;
        entry.oldest_due_at = Ord::min(entry.oldest_due_at, due_at);
    }
    let mut out: Vec<Arrears> = per.into_values().collect();
    out.sort_by_key(|a| (a.oldest_due_at, a.technician_id));
    Ok(out)
}

/// Closes a part handed in (scrapped): the caller checked it may be.
pub async fn close(
    db: &impl ConnectionTrait,
    part: &DefectivePart,
    status: DefectiveStatus,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<DefectivePart, StoreError> {
    let result = Entity::update_many()
        .col_expr(Column::Status, Expr::value(status.as_str()))
        .col_expr(Column::ClosedAt, Expr::value(now))
        .col_expr(Column::CloseReason, Expr::value(reason))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .col_expr(Column::Version, Expr::col(Column::Version).add(1))
        .filter(Column::Id.eq(part.id))
        .filter(Column::Version.eq(part.version))
        .exec(db)
        .await?;
    if result.rows_affected == 0 {
        return Err(StoreError::StaleVersion);
    }
    Entity::find_by_id(part.id).one(db).await?.map(to_record).transpose()?.ok_or(StoreError::NotFound)
}
