//! `/api/v1/stock`: stock on hand, its ledger, and the movements that change it.
pub mod balances;
pub mod issue;
pub mod movements;
pub mod receive;

use aftersales_api_types::stock::{MovementDto, StockDto};
use aftersales_domain::stock::ledger::{Balance, StockError};
use aftersales_persistence::stock::{self, LedgerRow, StockLine};
use aftersales_persistence::{ConnectionTrait, branches};
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::ApiError;

/// The warehouse must be one of the caller's branches' (422 otherwise).
pub(crate) async fn ensure_warehouse_in_scope(
    db: &impl ConnectionTrait,
    me: &Principal,
    warehouse_id: Uuid,
) -> Result<(), ApiError> {
    let unknown =
        || ApiError::field("warehouse_id", "unknown_warehouse", "no such warehouse in your part of the network");
    let branch = stock::warehouse_branch(db, warehouse_id).await?.ok_or_else(unknown)?;
    let path = branches::path_of(db, branch).await?;
    if me.scope.covers(&path) { Ok(()) } else { Err(unknown()) }
}

pub(crate) async fn part_currency(db: &impl ConnectionTrait, part_id: Uuid) -> Result<String, ApiError> {
    stock::part_currency(db, part_id)
        .await?
        .ok_or_else(|| ApiError::field("part_id", "unknown_part", "there is no part with this id"))
}

/// A refused movement: 409 saying how many are available.
pub(crate) fn refused(e: StockError) -> ApiError {
    match e {
        StockError::Insufficient { available, requested } => {
            ApiError::Conflict(format!("not enough stock: {available} available, {requested} requested"))
        }
        StockError::NotReserved { reserved, requested } => {
            ApiError::Conflict(format!("only {reserved} reserved, {requested} requested"))
        }
        StockError::NotPositive => ApiError::field("quantity", "range", "must be positive"),
        StockError::MissingCost | StockError::NegativeCost => ApiError::field("unit_cost", "required", e.to_string()),
        StockError::Overflow => ApiError::field("quantity", "too_large", "the numbers are too large"),
    }
}

pub(crate) fn stock_out(
    warehouse_id: Uuid,
    part_id: Uuid,
    b: Balance,
    updated_at: chrono::DateTime<chrono::Utc>,
) -> StockDto {
    StockDto {
        warehouse_id,
        part_id,
        on_hand: b.on_hand,
        reserved: b.reserved,
        available: b.available(),
        value_minor: b.value_minor,
        average_cost_minor: b.average_cost_minor(),
        updated_at,
    }
}

pub(crate) fn line_out(l: &StockLine) -> StockDto {
    stock_out(l.warehouse_id, l.part_id, l.balance, l.updated_at)
}

pub(crate) fn movement_out(m: &LedgerRow) -> MovementDto {
    MovementDto {
        id: m.id,
        warehouse_id: m.warehouse_id,
        part_id: m.part_id,
        kind: m.kind.as_str().into(),
        quantity: m.quantity_delta,
        value_delta_minor: m.value_delta_minor,
        unit_cost_minor: m.unit_cost_minor,
        on_hand_after: m.on_hand_after,
        actor_id: m.actor_id,
        reason: m.reason.clone(),
        document_kind: m.document_kind.clone(),
        document_id: m.document_id,
        ticket_id: m.ticket_id,
        at: m.at,
    }
}
