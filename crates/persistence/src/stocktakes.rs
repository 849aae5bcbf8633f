//! Stocktakes: count sheets of a warehouse and their lines. The sheet itself moves
//! no stock; posting does, through `use_cases::stock::ledger::move_stock`, in the same transaction as
//! [`close`].
use aftersales_domain::organisation::BranchScope;
use aftersales_domain::stock::stocktake::StocktakeStatus;
pub use aftersales_domain::stock::stocktake::{Stocktake, StocktakeLine};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use crate::branches::branches_in;
use crate::entities::stocktake_lines::{self, Entity as Lines};
use crate::entities::stocktakes::{ActiveModel, Column, Entity, Model};
use crate::{StoreError, fetch_size};

pub struct NewStocktake {
    pub branch_id: Uuid,
    pub warehouse_id: Uuid,
    pub started_by: Uuid,
    pub note: Option<String>,
    /// (part, on hand now), without repeats.
    pub lines: Vec<(Uuid, i64)>,
}

#[derive(Debug, Default)]
pub struct StocktakeFilter {
    pub warehouse_id: Option<Uuid>,
    pub status: Option<StocktakeStatus>,
    /// Keyset cursor: the id of the last sheet of the previous page (newest first).
    pub before_id: Option<Uuid>,
    pub limit: u32,
}

pub const ALREADY_OPEN: &str = "this warehouse already has an open stocktake; post or cancel it first";

/// Opens a sheet; `Conflict` when the warehouse already has one open (the unique
/// index decides between two opened at the same moment).
pub async fn insert(db: &impl ConnectionTrait, new: NewStocktake, now: DateTime<Utc>) -> Result<Uuid, StoreError> {
    let id = Uuid::now_v7();
    ActiveModel {
        id: Set(id),
        branch_id: Set(new.branch_id),
        warehouse_id: Set(new.warehouse_id),
        open_warehouse_id: Set(Some(new.warehouse_id)),
        status: Set(StocktakeStatus::Counting.as_str().to_owned()),
        started_by: Set(new.started_by),
        started_at: Set(now),
        posted_by: Set(None),
        posted_at: Set(None),
        cancelled_by: Set(None),
        cancelled_at: Set(None),
        note: Set(new.note),
        version: Set(1),
    }
    .insert(db)
    .await
    .map_err(|e| StoreError::from_write(e, ALREADY_OPEN, "the warehouse no longer exists"))?;
    for (part_id, expected) in new.lines {
        add_line(db, id, part_id, expected).await?;
    }
    Ok(id)
}

async fn add_line(db: &impl ConnectionTrait, id: Uuid, part_id: Uuid, expected: i64) -> Result<(), StoreError> {
    stocktake_lines::ActiveModel {
        stocktake_id: Set(id),
        part_id: Set(part_id),
        expected: Set(expected),
        counted: Set(None),
        counted_by: Set(None),
        counted_at: Set(None),
        on_hand_at_post: Set(None),
        value_delta_minor: Set(None),
        movement_id: Set(None),
    }
    .insert(db)
    .await
    .map_err(|e| StoreError::from_write(e, "the part is already on the sheet", "the part no longer exists"))?;
    Ok(())
}

/// The open sheet of a warehouse, if any.
pub async fn open_in(db: &impl ConnectionTrait, warehouse_id: Uuid) -> Result<Option<Uuid>, StoreError> {
    let row = Entity::find().filter(Column::OpenWarehouseId.eq(warehouse_id)).one(db).await?;
    Ok(row.map(|r| r.id))
}

fn to_line(l: stocktake_lines::Model) -> StocktakeLine {
    StocktakeLine {
        part_id: l.part_id.into(),
        expected: l.expected,
        counted: l.counted,
        counted_by: l.counted_by.map(Into::into),
        counted_at: l.counted_at,
        on_hand_at_post: l.on_hand_at_post,
        value_delta_minor: l.value_delta_minor,
        movement_id: l.movement_id.map(Into::into),
    }
}

fn to_stocktake(m: Model, lines: Vec<StocktakeLine>) -> Result<Stocktake, StoreError> {
    let status = StocktakeStatus::parse(&m.status)
        .ok_or_else(|| StoreError::Corrupt(format!("stocktake {} has the status `{}`", m.id, m.status)))?;
    Ok(Stocktake {
        id: m.id.into(),
        branch_id: m.branch_id.into(),
        warehouse_id: m.warehouse_id.into(),
        status,
        started_by: m.started_by.into(),
        started_at: m.started_at,
        posted_by: m.posted_by.map(Into::into),
        posted_at: m.posted_at,
        cancelled_by: m.cancelled_by.map(Into::into),
        cancelled_at: m.cancelled_at,
        note: m.note,
        version: m.version,
        lines,
    })
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Stocktake, StoreError> {
    let row = Entity::find_by_id(id).one(db).await?.ok_or(StoreError::NotFound)?;
    let lines = Lines::find()
        .filter(stocktake_lines::Column::StocktakeId.eq(id))
        .order_by_asc(stocktake_lines::Column::PartId)
        .all(db)
        .await?;
    to_stocktake(row, lines.into_iter().map(to_line).collect())
}

/// The sheet, if its branch lies within the scope; otherwise "not found".
pub async fn find_in_scope(db: &impl ConnectionTrait, scope: &BranchScope, id: Uuid) -> Result<Stocktake, StoreError> {
    let sheet = find(db, id).await?;
    let path = crate::branches::path_of(db, sheet.branch_id.uuid()).await?;
    if scope.covers(&path) { Ok(sheet) } else { Err(StoreError::NotFound) }
}

/// Sheets of the branches within the scope, newest first, without their lines:
/// up to `limit + 1`.
pub async fn list(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    filter: StocktakeFilter,
) -> Result<Vec<Stocktake>, StoreError> {
    let mut query = Entity::find().filter(Column::BranchId.in_subquery(branches_in(scope)));
    if let Some(warehouse_id) = filter.warehouse_id {
        query = query.filter(Column::WarehouseId.eq(warehouse_id));
    }
    if let Some(status) = filter.status {
        query = query.filter(Column::Status.eq(status.as_str()));
    }
    if let Some(before) = filter.before_id {
        query = query.filter(Column::Id.lt(before));
    }
    let rows = query.order_by_desc(Column::Id).limit(fetch_size(filter.limit)).all(db).await?;
    rows.into_iter().map(|r| to_stocktake(r, Vec::new())).collect()
}

/// Takes the sheet for a change of its counts: bumps its version if it is still
/// counting (and locks it until the transaction ends, so a posting in progress
/// finishes first). `false` when it is closed.
pub async fn touch_open(db: &impl ConnectionTrait, id: Uuid) -> Result<bool, StoreError> {
    let done = Entity::update_many()
        .col_expr(Column::Version, Expr::col(Column::Version).add(1))
        .filter(Column::Id.eq(id))
        .filter(Column::Status.eq(StocktakeStatus::Counting.as_str()))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// Saves a line's count; a part not yet on the sheet is added with the line's
/// `expected` (its stock on hand when counted).
pub async fn record_count(db: &impl ConnectionTrait, id: Uuid, line: &StocktakeLine) -> Result<(), StoreError> {
    let exists = Lines::find_by_id((id, line.part_id.uuid())).one(db).await?.is_some();
    if !exists {
        add_line(db, id, line.part_id.uuid(), line.expected).await?;
    }
    Lines::update_many()
        .col_expr(stocktake_lines::Column::Counted, Expr::value(line.counted))
        .col_expr(stocktake_lines::Column::CountedBy, Expr::value(line.counted_by.map(uuid::Uuid::from)))
        .col_expr(stocktake_lines::Column::CountedAt, Expr::value(line.counted_at))
        .filter(stocktake_lines::Column::StocktakeId.eq(id))
        .filter(stocktake_lines::Column::PartId.eq(line.part_id.uuid()))
        .exec(db)
        .await?;
    Ok(())
}

/// Saves a sheet closed (posted or cancelled) if it is still counting here.
/// `false` when it was already closed: of two people posting at once, only one
/// closes it (the row lock on PostgreSQL, the single writer on SQLite; the other
/// sees it closed).
pub async fn close(db: &impl ConnectionTrait, closed: &Stocktake) -> Result<bool, StoreError> {
    let done = Entity::update_many()
        .col_expr(Column::Status, Expr::value(closed.status.as_str()))
        .col_expr(Column::OpenWarehouseId, Expr::value(Option::<Uuid>::None))
        .col_expr(Column::Version, Expr::col(Column::Version).add(1))
        .col_expr(Column::PostedBy, Expr::value(closed.posted_by.map(uuid::Uuid::from)))
        .col_expr(Column::PostedAt, Expr::value(closed.posted_at))
        .col_expr(Column::CancelledBy, Expr::value(closed.cancelled_by.map(uuid::Uuid::from)))
        .col_expr(Column::CancelledAt, Expr::value(closed.cancelled_at))
        .filter(Column::Id.eq(closed.id.uuid()))
        .filter(Column::Status.eq(StocktakeStatus::Counting.as_str()))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// Saves what posting did to one line.
pub async fn record_posting(db: &impl ConnectionTrait, id: Uuid, line: &StocktakeLine) -> Result<(), StoreError> {
    Lines::update_many()
        .col_expr(stocktake_lines::Column::OnHandAtPost, Expr::value(line.on_hand_at_post))
        .col_expr(stocktake_lines::Column::ValueDeltaMinor, Expr::value(line.value_delta_minor))
        .col_expr(stocktake_lines::Column::MovementId, Expr::value(line.movement_id.map(uuid::Uuid::from)))
        .filter(stocktake_lines::Column::StocktakeId.eq(id))
        .filter(stocktake_lines::Column::PartId.eq(line.part_id.uuid()))
        .exec(db)
        .await?;
    Ok(())
}
