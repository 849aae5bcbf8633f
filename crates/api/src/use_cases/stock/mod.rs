//! The `/stock` use cases (stock on hand, its ledger, receiving and issuing), and
//! what every use case that moves stock shares: which warehouses and parts stock
//! may move in and for, how a refusal of the ledger rules is answered, and the
//! wire shapes of a balance and a ledger row.
pub mod balances;
pub mod issue;
pub mod ledger;
pub mod movements;
pub mod receive;

use actix_web::http::StatusCode;
use aftersales_api_types::stock::{MovementDto, MovementResult, StockDto};
use aftersales_domain::stock::balance::Balance;
use aftersales_domain::stock::ledger::{LedgerRow, Movement, MovementMeta, StockError};
use aftersales_persistence::parts::{self, Part};
use aftersales_persistence::warehouses::{self, Warehouse};
use aftersales_persistence::{ConnectionTrait, StoreError};
use uuid::Uuid;

use crate::audit::{Change, snapshot};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::use_cases::{Once, Work};

/// The warehouse must be one of the caller's branches' (422 otherwise).
pub(crate) async fn ensure_warehouse_in_scope(
    db: &impl ConnectionTrait,
    me: &Principal,
    warehouse_id: Uuid,
) -> Result<Warehouse, ApiError> {
    warehouse_in_scope(db, me, warehouse_id, "warehouse_id").await
}

/// The warehouse named by `field`, in the caller's branches (422 naming `field` otherwise).
pub(crate) async fn warehouse_in_scope(
    db: &impl ConnectionTrait,
    me: &Principal,
    warehouse_id: Uuid,
    field: &str,
) -> Result<Warehouse, ApiError> {
    match warehouses::find_in_scope(db, &me.scope, warehouse_id).await {
        Err(StoreError::NotFound) => {
            Err(ApiError::field(field, "unknown_warehouse", "no such warehouse in your part of the network"))
        }
        other => Ok(other?),
    }
}

/// A warehouse stock may move in or out of: in scope and not closed (422 naming `field`).
pub(crate) async fn movable_warehouse(
    db: &impl ConnectionTrait,
    me: &Principal,
    warehouse_id: Uuid,
    field: &str,
) -> Result<Warehouse, ApiError> {
    let warehouse = warehouse_in_scope(db, me, warehouse_id, field).await?;
    if !warehouse.active {
        return Err(ApiError::field(
            field,
            "inactive_warehouse",
            "this warehouse is closed; stock no longer moves in it",
        ));
    }
    Ok(warehouse)
}

/// A part stock may move for: known and still active (422 naming `field`).
pub(crate) async fn movable_part(db: &impl ConnectionTrait, part_id: Uuid, field: &str) -> Result<Part, ApiError> {
    let part = match parts::find(db, part_id).await {
        Err(StoreError::NotFound) => {
            return Err(ApiError::field(field, "unknown_part", "there is no part with this id"));
        }
        other => other?,
    };
    if !part.active {
        return Err(ApiError::field(field, "inactive_part", "this part is discontinued; stock no longer moves for it"));
    }
    Ok(part)
}

/// Applies a movement a use case has checked, audits it and finishes the work:
/// the movement and the stock after it (kept under the request's key, answered
/// 201), or 409 when the stock does not allow it, with nothing written.
pub(crate) async fn record_movement(
    work: Work,
    action: &'static str,
    warehouse_id: Uuid,
    part_id: Uuid,
    movement: Movement,
    meta: MovementMeta,
) -> Result<Once<MovementResult>, ApiError> {
    let now = work.now();
    let (balance, row) =
        ledger::move_stock(work.db(), warehouse_id, part_id, movement, meta, now).await?.map_err(refused)?;
    let out = MovementResult { movement: movement_out(&row), stock: stock_out(warehouse_id, part_id, balance, now) };
    let change = Change {
        action,
        entity: "stock_movement",
        entity_id: row.id.uuid(),
        branch_id: None,
        before: None,
        after: snapshot(&out.movement),
    };
    work.audit(change).await?;
    work.finish(StatusCode::CREATED, out).await
}

/// A refused movement: 409 on `quantity` (`insufficient_stock` or `not_reserved`),
/// saying how many are available.
pub(crate) fn refused(e: StockError) -> ApiError {
    refused_at(e, "quantity")
}

/// [`refused`], naming the request's field that asked for the quantity.
pub(crate) fn refused_at(e: StockError, field: &str) -> ApiError {
    match e {
        StockError::Insufficient { available, requested } => ApiError::conflict_at(
            field,
            "insufficient_stock",
            format!("{available} available"),
            format!("not enough stock: {available} available, {requested} requested"),
        ),
        StockError::NotReserved { reserved, requested } => ApiError::conflict_at(
            field,
            "not_reserved",
            format!("{reserved} reserved"),
            format!("only {reserved} reserved, {requested} requested"),
        ),
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

pub(crate) fn movement_out(m: &LedgerRow) -> MovementDto {
    MovementDto {
        id: m.id.uuid(),
        warehouse_id: m.warehouse_id.uuid(),
        part_id: m.part_id.uuid(),
        kind: m.kind.as_str().into(),
        quantity: m.quantity_delta,
        value_delta_minor: m.value_delta_minor,
        unit_cost_minor: m.unit_cost_minor,
        on_hand_after: m.on_hand_after,
        actor_id: m.actor_id.map(uuid::Uuid::from),
        reason: m.reason.clone(),
        document_kind: m.document_kind.clone(),
        document_id: m.document_id,
        ticket_id: m.ticket_id.map(uuid::Uuid::from),
        at: m.at,
    }
}
