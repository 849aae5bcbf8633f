//! Stock reports, summed by the database (GROUP BY) over the warehouses of the
//! caller's branches: stock on hand, parts below their reorder point, and (in
//! `period`) what moved during a period and which tickets used which parts.
//!
//! Sums are cast to BIGINT because PostgreSQL sums a BIGINT column as NUMERIC.
mod period;

use crate::money::currency;
use aftersales_domain::money::Currency;
use aftersales_domain::organisation::BranchScope;
use aftersales_domain::stock::ledger::Balance;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, Order, Query, SelectStatement};
use sea_orm::{AccessMode, ConnectionTrait, DatabaseConnection, DatabaseTransaction, IsolationLevel, QueryResult};
use sea_orm::{DbBackend, TransactionTrait};
use uuid::Uuid;

use crate::StoreError;
use crate::entities::branches::{Column as B, Entity as Branches};
use crate::entities::parts::{Column as P, Entity as Parts};
use crate::entities::stock_balances::{Column as SB, Entity as Balances};
use crate::entities::warehouses::{Column as W, Entity as Warehouses};

pub use period::{KindFlow, Opening, UsedBy, UsedRow, Window, flows, openings, parts_used};

/// Which warehouses a report covers: those of the branches in `scope`, narrowed
/// to one branch and/or one warehouse (already checked to lie in the scope).
#[derive(Debug, Clone)]
pub struct ReportFilter {
    pub scope: BranchScope,
    pub branch_id: Option<Uuid>,
    pub warehouse_id: Option<Uuid>,
}

/// A part in a warehouse, with what a reader needs to recognise both. Ordered by
/// warehouse code, then SKU, so reports read in that order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct WarehousePart {
    pub warehouse_code: String,
    pub sku: String,
    pub warehouse_id: Uuid,
    pub part_id: Uuid,
    pub warehouse_name: String,
    pub part_name: String,
    /// The part's currency, which its values are in.
    pub currency: Currency,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnHandRow {
    pub line: WarehousePart,
    pub balance: Balance,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReorderRow {
    pub part_id: Uuid,
    pub sku: String,
    pub name: String,
    pub reorder_point: i64,
    pub on_hand: i64,
}

/// A read-only transaction that sees one state of the database throughout, so the
/// parts of a report agree with each other (PostgreSQL needs REPEATABLE READ for
/// that; a SQLite read transaction is a snapshot already).
pub async fn begin_snapshot(db: &DatabaseConnection) -> Result<DatabaseTransaction, StoreError> {
    Ok(match db.get_database_backend() {
        DbBackend::Postgres => {
            db.begin_with_config(Some(IsolationLevel::RepeatableRead), Some(AccessMode::ReadOnly)).await?
        }
        _ => db.begin().await?,
    })
}

/// Ids of the branches a report covers, optionally only those in one time zone.
fn branches_of(filter: &ReportFilter, time_zone: Option<&str>) -> SelectStatement {
    let mut q = crate::branches::branches_in(&filter.scope);
    if let Some(id) = filter.branch_id {
        q.and_where(Expr::col(B::Id).eq(id));
    }
    if let Some(zone) = time_zone {
        q.and_where(Expr::col(B::TimeZone).eq(zone));
    }
    q
}

/// Ids of the warehouses a report covers, optionally only of branches in one time zone.
pub(crate) fn warehouses_of(filter: &ReportFilter, time_zone: Option<&str>) -> SelectStatement {
    let mut q = Query::select();
    q.column(W::Id).from(Warehouses).and_where(Expr::col(W::BranchId).in_subquery(branches_of(filter, time_zone)));
    if let Some(id) = filter.warehouse_id {
        q.and_where(Expr::col(W::Id).eq(id));
    }
    q
}

/// The time zones of the branches whose warehouses a report covers.
pub async fn time_zones(db: &impl ConnectionTrait, filter: &ReportFilter) -> Result<Vec<String>, StoreError> {
    let mut owners = Query::select();
    owners.column(W::BranchId).from(Warehouses).and_where(Expr::col(W::Id).in_subquery(warehouses_of(filter, None)));
    let q = Query::select()
        .distinct()
        .column(B::TimeZone)
        .from(Branches)
        .and_where(Expr::col(B::Id).in_subquery(owners))
        .order_by(B::TimeZone, Order::Asc)
        .to_owned();
    db.query_all(&q).await?.iter().map(|r| Ok(r.try_get::<String>("", "time_zone")?)).collect()
}

/// `CAST(SUM(expr) AS BIGINT)`.
pub(crate) fn sum(expr: impl Into<Expr>) -> Expr {
    Func::cast_as(Func::sum(expr.into()), Alias::new("BIGINT")).into()
}

/// Selects the columns `WarehousePart` is read from (callers join warehouses and parts).
pub(crate) fn select_line(q: &mut SelectStatement) {
    q.expr_as(Expr::col((Warehouses, W::Id)), "warehouse_id")
        .expr_as(Expr::col((Warehouses, W::Code)), "warehouse_code")
        .expr_as(Expr::col((Warehouses, W::Name)), "warehouse_name")
        .expr_as(Expr::col((Parts, P::Id)), "part_id")
        .expr_as(Expr::col((Parts, P::Sku)), "sku")
        .expr_as(Expr::col((Parts, P::Name)), "part_name")
        .expr_as(Expr::col((Parts, P::Currency)), "currency");
}

/// Groups by the columns of `select_line`.
pub(crate) fn group_by_line(q: &mut SelectStatement) {
    q.group_by_columns([(Warehouses, W::Id), (Warehouses, W::Code), (Warehouses, W::Name)]).group_by_columns([
        (Parts, P::Id),
        (Parts, P::Sku),
        (Parts, P::Name),
        (Parts, P::Currency),
    ]);
}

pub(crate) fn read_line(r: &QueryResult) -> Result<WarehousePart, StoreError> {
    Ok(WarehousePart {
        warehouse_id: r.try_get("", "warehouse_id")?,
        warehouse_code: r.try_get("", "warehouse_code")?,
        warehouse_name: r.try_get("", "warehouse_name")?,
        part_id: r.try_get("", "part_id")?,
        sku: r.try_get("", "sku")?,
        part_name: r.try_get("", "part_name")?,
        currency: currency(&r.try_get::<String>("", "currency")?)?,
    })
}

/// Stock on hand per warehouse and part (lines with nothing on hand left out), by
/// warehouse code and SKU; at most `limit` lines.
pub async fn on_hand(
    db: &impl ConnectionTrait,
    filter: &ReportFilter,
    limit: u64,
) -> Result<Vec<OnHandRow>, StoreError> {
    let mut q = Query::select();
    select_line(&mut q);
    q.expr_as(Expr::col((Balances, SB::OnHand)), "on_hand")
        .expr_as(Expr::col((Balances, SB::Reserved)), "reserved")
        .expr_as(Expr::col((Balances, SB::ValueMinor)), "value_minor")
        .from(Balances)
        .inner_join(Warehouses, Expr::col((Warehouses, W::Id)).equals((Balances, SB::WarehouseId)))
        .inner_join(Parts, Expr::col((Parts, P::Id)).equals((Balances, SB::PartId)))
        .and_where(Expr::col((Balances, SB::WarehouseId)).in_subquery(warehouses_of(filter, None)))
        .and_where(Expr::col((Balances, SB::OnHand)).gt(0))
        .order_by((Warehouses, W::Code), Order::Asc)
        .order_by((Parts, P::Sku), Order::Asc)
        .limit(limit);
    db.query_all(&q)
        .await?
        .iter()
        .map(|r| {
            Ok(OnHandRow {
                line: read_line(r)?,
                balance: Balance {
                    on_hand: r.try_get("", "on_hand")?,
                    reserved: r.try_get("", "reserved")?,
                    value_minor: r.try_get("", "value_minor")?,
                },
            })
        })
        .collect()
}

/// Active parts whose stock in the report's warehouses (all of them together) is
/// below their reorder point, by SKU; a part none of them holds counts as zero.
pub async fn below_reorder_point(
    db: &impl ConnectionTrait,
    filter: &ReportFilter,
    limit: u64,
) -> Result<Vec<ReorderRow>, StoreError> {
    let held = Func::coalesce([Func::sum(Expr::col((Balances, SB::OnHand))).into(), Expr::val(0_i64)]);
    let joined = Expr::col((Balances, SB::PartId))
        .equals((Parts, P::Id))
        .and(Expr::col((Balances, SB::WarehouseId)).in_subquery(warehouses_of(filter, None)));
    let q = Query::select()
        .expr_as(Expr::col((Parts, P::Id)), "part_id")
        .expr_as(Expr::col((Parts, P::Sku)), "sku")
        .expr_as(Expr::col((Parts, P::Name)), "name")
        .expr_as(Expr::col((Parts, P::ReorderPoint)), "reorder_point")
        .expr_as(Func::cast_as(held.clone(), Alias::new("BIGINT")), "on_hand")
        .from(Parts)
        .left_join(Balances, joined)
        .and_where(Expr::col((Parts, P::Active)).eq(true))
        .and_where(Expr::col((Parts, P::ReorderPoint)).gt(0))
        .group_by_columns([(Parts, P::Id), (Parts, P::Sku), (Parts, P::Name), (Parts, P::ReorderPoint)])
        .and_having(Expr::expr(held).lt(Expr::col((Parts, P::ReorderPoint))))
        .order_by((Parts, P::Sku), Order::Asc)
        .limit(limit)
        .to_owned();
    db.query_all(&q)
        .await?
        .iter()
        .map(|r| {
            Ok(ReorderRow {
                part_id: r.try_get("", "part_id")?,
                sku: r.try_get("", "sku")?,
                name: r.try_get("", "name")?,
                reorder_point: i64::from(r.try_get::<i32>("", "reorder_point")?),
                on_hand: r.try_get("", "on_hand")?,
            })
        })
        .collect()
}
