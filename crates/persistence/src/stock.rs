//! Stock on hand and the ledger, loaded and saved: the balance row of a part in a
//! warehouse (locked on PostgreSQL; SQLite has one writer), and the append-only
//! ledger rows. What a movement may do is decided by the pure rules in
//! `aftersales_domain::stock::ledger`, called by `use_cases::stock::ledger`.
use crate::money::currency;
use aftersales_domain::money::Currency;
use aftersales_domain::stock::MovementKind;
pub use aftersales_domain::stock::balance::StockLine;
use aftersales_domain::stock::ledger::{Balance, Effect, Movement};
pub use aftersales_domain::stock::ledger::{LedgerRow, MovementMeta};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Order, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QueryResult, QuerySelect,
    Set, Statement,
};
use uuid::Uuid;

use crate::entities::parts::{Column as P, Entity as Parts};
use crate::entities::stock_balances::{self, Column as SB, Entity as Balances};
use crate::entities::stock_movements::{self, Entity as Movements};
use crate::entities::warehouses::{Column as W, Entity as Warehouses};
use crate::{StoreError, after_key, fetch_size};

/// A balance with what a reader recognises its warehouse and part by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedStockLine {
    pub line: StockLine,
    pub warehouse_code: String,
    pub sku: String,
    pub part_name: String,
    /// The part's currency, which the balance's value is in.
    pub currency: Currency,
}

/// The balance row of a part in a warehouse, created empty if missing, and locked
/// for the rest of the transaction (PostgreSQL `FOR UPDATE`): what a caller that
/// decides a movement from the stock as it is (a stocktake posting) reads first.
pub async fn locked_balance(
    db: &impl ConnectionTrait,
    warehouse_id: Uuid,
    part_id: Uuid,
    now: DateTime<Utc>,
) -> Result<Balance, StoreError> {
    let backend = db.get_database_backend();
    let sql = match backend {
        sea_orm::DbBackend::Postgres => {
            "INSERT INTO stock_balances (warehouse_id, part_id, on_hand, reserved, value_minor, updated_at, version) \
             VALUES ($1, $2, 0, 0, 0, $3, 0) ON CONFLICT (warehouse_id, part_id) DO NOTHING"
        }
        _ => {
            "INSERT INTO stock_balances (warehouse_id, part_id, on_hand, reserved, value_minor, updated_at, version) \
             VALUES (?, ?, 0, 0, 0, ?, 0) ON CONFLICT (warehouse_id, part_id) DO NOTHING"
        }
    };
    db.execute_raw(Statement::from_sql_and_values(backend, sql, [warehouse_id.into(), part_id.into(), now.into()]))
        .await?;
    let row = Balances::find_by_id((warehouse_id, part_id))
        .lock_exclusive()
        .one(db)
        .await?
        .ok_or_else(|| StoreError::Corrupt("stock balance vanished".into()))?;
    Ok(Balance { on_hand: row.on_hand, reserved: row.reserved, value_minor: row.value_minor })
}

/// Saves a movement the ledger rules allowed: the balance after it and its
/// append-only ledger row.
// Each argument is one column group of the balance or the ledger row.
#[allow(clippy::too_many_arguments)]
pub async fn save_movement(
    db: &impl ConnectionTrait,
    warehouse_id: Uuid,
    part_id: Uuid,
    movement: Movement,
    after: Balance,
    effect: Effect,
    meta: MovementMeta,
    now: DateTime<Utc>,
) -> Result<LedgerRow, StoreError> {
    Balances::update_many()
        .col_expr(stock_balances::Column::OnHand, Expr::value(after.on_hand))
        .col_expr(stock_balances::Column::Reserved, Expr::value(after.reserved))
        .col_expr(stock_balances::Column::ValueMinor, Expr::value(after.value_minor))
        .col_expr(stock_balances::Column::UpdatedAt, Expr::value(now))
        .col_expr(stock_balances::Column::Version, Expr::col(stock_balances::Column::Version).add(1))
        .filter(stock_balances::Column::WarehouseId.eq(warehouse_id))
        .filter(stock_balances::Column::PartId.eq(part_id))
        .exec(db)
        .await?;
    let row = stock_movements::ActiveModel {
        id: Set(Uuid::now_v7()),
        warehouse_id: Set(warehouse_id),
        part_id: Set(part_id),
        kind: Set(movement.kind.as_str().into()),
        quantity_delta: Set(effect.quantity_delta),
        value_delta_minor: Set(effect.value_delta_minor),
        unit_cost_minor: Set(effect.unit_cost_minor),
        on_hand_after: Set(after.on_hand),
        actor_id: Set(meta.actor_id.map(uuid::Uuid::from)),
        reason: Set(meta.reason),
        document_kind: Set(meta.document_kind),
        document_id: Set(meta.document_id),
        ticket_id: Set(meta.ticket_id.map(uuid::Uuid::from)),
        at: Set(now),
    }
    .insert(db)
    .await?;
    to_row(row)
}

/// Saves what is promised to tickets from the shelf (nothing moves, so no ledger row).
pub async fn save_reserved(
    db: &impl ConnectionTrait,
    warehouse_id: Uuid,
    part_id: Uuid,
    after: Balance,
    now: DateTime<Utc>,
) -> Result<Balance, StoreError> {
    Balances::update_many()
        .col_expr(stock_balances::Column::Reserved, Expr::value(after.reserved))
        .col_expr(stock_balances::Column::UpdatedAt, Expr::value(now))
        .col_expr(stock_balances::Column::Version, Expr::col(stock_balances::Column::Version).add(1))
        .filter(stock_balances::Column::WarehouseId.eq(warehouse_id))
        .filter(stock_balances::Column::PartId.eq(part_id))
        .exec(db)
        .await?;
    Ok(after)
}

fn to_row(r: stock_movements::Model) -> Result<LedgerRow, StoreError> {
    Ok(LedgerRow {
        kind: MovementKind::parse(&r.kind).ok_or_else(|| StoreError::Corrupt(format!("movement kind `{}`", r.kind)))?,
        id: r.id.into(),
        warehouse_id: r.warehouse_id.into(),
        part_id: r.part_id.into(),
        quantity_delta: r.quantity_delta,
        value_delta_minor: r.value_delta_minor,
        unit_cost_minor: r.unit_cost_minor,
        on_hand_after: r.on_hand_after,
        actor_id: r.actor_id.map(Into::into),
        reason: r.reason,
        document_kind: r.document_kind,
        document_id: r.document_id,
        ticket_id: r.ticket_id.map(Into::into),
        at: r.at,
    })
}

/// Balances of a warehouse (and part), by part id.
pub async fn balances(
    db: &impl ConnectionTrait,
    warehouse_id: Uuid,
    part_id: Option<Uuid>,
) -> Result<Vec<StockLine>, StoreError> {
    let mut query = Balances::find().filter(stock_balances::Column::WarehouseId.eq(warehouse_id));
    if let Some(part) = part_id {
        query = query.filter(stock_balances::Column::PartId.eq(part));
    }
    let rows = query.order_by_asc(stock_balances::Column::PartId).all(db).await?;
    Ok(rows
        .into_iter()
        .map(|r| StockLine {
            warehouse_id: r.warehouse_id.into(),
            part_id: r.part_id.into(),
            balance: Balance { on_hand: r.on_hand, reserved: r.reserved, value_minor: r.value_minor },
            updated_at: r.updated_at,
        })
        .collect())
}

/// The ledger of a warehouse (and part), oldest first, after `after_id`.
pub async fn movements(
    db: &impl ConnectionTrait,
    warehouse_id: Uuid,
    part_id: Option<Uuid>,
    after_id: Option<Uuid>,
    limit: u32,
) -> Result<Vec<LedgerRow>, StoreError> {
    let mut query = Movements::find().filter(stock_movements::Column::WarehouseId.eq(warehouse_id));
    if let Some(part) = part_id {
        query = query.filter(stock_movements::Column::PartId.eq(part));
    }
    if let Some(after) = after_id {
        query = query.filter(stock_movements::Column::Id.gt(after));
    }
    let rows = query.order_by_asc(stock_movements::Column::Id).limit(fetch_size(limit)).all(db).await?;
    rows.into_iter().map(to_row).collect()
}

/// Balances of a warehouse (and part) with the warehouse code and the part's SKU,
/// name and currency, by SKU then part id; at most `limit + 1` after `after`
/// (the SKU and id of the last line of the previous page).
pub async fn named_balances(
    db: &impl ConnectionTrait,
    warehouse_id: Uuid,
    part_id: Option<Uuid>,
    after: Option<(String, Uuid)>,
    limit: u32,
) -> Result<Vec<NamedStockLine>, StoreError> {
    let mut q = Query::select();
    q.columns([(Balances, SB::WarehouseId), (Balances, SB::PartId)])
        .columns([(Balances, SB::OnHand), (Balances, SB::Reserved), (Balances, SB::ValueMinor)])
        .column((Balances, SB::UpdatedAt))
        .expr_as(Expr::col((Warehouses, W::Code)), "warehouse_code")
        .expr_as(Expr::col((Parts, P::Sku)), "sku")
        .expr_as(Expr::col((Parts, P::Name)), "part_name")
        .expr_as(Expr::col((Parts, P::Currency)), "currency")
        .from(Balances)
        .inner_join(Warehouses, Expr::col((Warehouses, W::Id)).equals((Balances, SB::WarehouseId)))
        .inner_join(Parts, Expr::col((Parts, P::Id)).equals((Balances, SB::PartId)))
        .and_where(Expr::col((Balances, SB::WarehouseId)).eq(warehouse_id))
        .cond_where(after_key(P::Sku, P::Id, after))
        .order_by((Parts, P::Sku), Order::Asc)
        .order_by((Parts, P::Id), Order::Asc)
        .limit(fetch_size(limit));
    if let Some(part) = part_id {
        q.and_where(Expr::col((Balances, SB::PartId)).eq(part));
    }
    db.query_all(&q).await?.iter().map(read_named).collect()
}

fn read_named(r: &QueryResult) -> Result<NamedStockLine, StoreError> {
    Ok(NamedStockLine {
        line: StockLine {
            warehouse_id: r.try_get::<Uuid>("", "warehouse_id")?.into(),
            part_id: r.try_get::<Uuid>("", "part_id")?.into(),
            balance: Balance {
                on_hand: r.try_get("", "on_hand")?,
                reserved: r.try_get("", "reserved")?,
                value_minor: r.try_get("", "value_minor")?,
            },
            updated_at: r.try_get("", "updated_at")?,
        },
        warehouse_code: r.try_get("", "warehouse_code")?,
        sku: r.try_get("", "sku")?,
        part_name: r.try_get("", "part_name")?,
        currency: currency(&r.try_get::<String>("", "currency")?)?,
    })
}
