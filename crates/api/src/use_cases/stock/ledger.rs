//! Every change of stock on hand goes through here: the balance as it is now is
//! loaded (locked), the pure rules of `aftersales_domain::stock::ledger` decide,
//! and the balance and its ledger row are saved in the caller's transaction.
//! A refusal (`StockError`) writes nothing.
use aftersales_domain::stock::ledger::{self, Balance, LedgerRow, Movement, MovementMeta, StockError};
use aftersales_persistence::{ConnectionTrait, stock};
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::error::ApiError;

/// Moves stock in or out of a warehouse, or answers why the stock does not allow it.
pub async fn move_stock(
    db: &impl ConnectionTrait,
    warehouse_id: Uuid,
    part_id: Uuid,
    movement: Movement,
    meta: MovementMeta,
    now: DateTime<Utc>,
) -> Result<Result<(Balance, LedgerRow), StockError>, ApiError> {
    let before = stock::locked_balance(db, warehouse_id, part_id, now).await?;
    move_locked(db, before, warehouse_id, part_id, movement, meta, now).await
}

/// Moves stock from `before`, the balance this transaction has already read and
/// locked (a caller that decided from it), without reading it again.
pub async fn move_locked(
    db: &impl ConnectionTrait,
    before: Balance,
    warehouse_id: Uuid,
    part_id: Uuid,
    movement: Movement,
    meta: MovementMeta,
    now: DateTime<Utc>,
) -> Result<Result<(Balance, LedgerRow), StockError>, ApiError> {
    let (after, effect) = match ledger::apply(before, movement) {
        Ok(done) => done,
        Err(refused) => return Ok(Err(refused)),
    };
    let row = stock::save_movement(db, warehouse_id, part_id, movement, after, effect, meta, now).await?;
    Ok(Ok((after, row)))
}

/// Promises `quantity` units on the shelf to a ticket, or answers why not (only
/// what is on hand and not yet promised can be); no ledger row, as nothing moves.
pub async fn reserve(
    db: &impl ConnectionTrait,
    warehouse_id: Uuid,
    part_id: Uuid,
    quantity: i64,
    now: DateTime<Utc>,
) -> Result<Result<Balance, StockError>, ApiError> {
    let before = stock::locked_balance(db, warehouse_id, part_id, now).await?;
    match ledger::reserve(before, quantity) {
        Ok(after) => Ok(Ok(stock::save_reserved(db, warehouse_id, part_id, after, now).await?)),
        Err(refused) => Ok(Err(refused)),
    }
}

/// Gives back a promise of `quantity` units, or answers why not.
pub async fn release(
    db: &impl ConnectionTrait,
    warehouse_id: Uuid,
    part_id: Uuid,
    quantity: i64,
    now: DateTime<Utc>,
) -> Result<Result<Balance, StockError>, ApiError> {
    let before = stock::locked_balance(db, warehouse_id, part_id, now).await?;
    match ledger::release(before, quantity) {
        Ok(after) => Ok(Ok(stock::save_reserved(db, warehouse_id, part_id, after, now).await?)),
        Err(refused) => Ok(Err(refused)),
    }
}
