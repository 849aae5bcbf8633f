//! Shared by the `/stock` use cases.
pub mod ledger;

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use aftersales_api_types::stock::{MovementDto, MovementResult, StockDto};
use aftersales_domain::stock::ledger::{Balance, Movement, StockError};
use aftersales_persistence::parts::{self, Part};
use aftersales_persistence::stock::{LedgerRow, MovementMeta, StockLine};
use aftersales_persistence::warehouses::{self, Warehouse};
use aftersales_persistence::{ConnectionTrait, DatabaseTransaction, StoreError};
use chrono::Utc;
use serde::Serialize;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::extract::RequestId;
use crate::idempotency::{self, IdempotencyKey};
use crate::state::AppState;

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

/// A movement request checked so far: not a replay, the warehouse in scope, the
/// part known. The transaction holds the write for the rest of it.
pub(crate) struct Checked {
    pub txn: DatabaseTransaction,
    pub hash: String,
    pub warehouse_id: Uuid,
    pub part: Part,
}

/// Opens the write and answers a replayed request with its first answer.
pub(crate) async fn begin(
    state: &AppState,
    me: &Principal,
    key: &IdempotencyKey,
    path: &str,
    body: &impl Serialize,
    warehouse_id: Uuid,
    part_id: Uuid,
) -> Result<Result<Checked, HttpResponse>, ApiError> {
    let idempotency::Opened { txn, hash } = match idempotency::open(&state.db, me.user_id, key, path, body).await? {
        Ok(opened) => opened,
        Err(replayed) => return Ok(Err(replayed)),
    };
    movable_warehouse(&txn, me, warehouse_id, "warehouse_id").await?;
    let part = movable_part(&txn, part_id, "part_id").await?;
    Ok(Ok(Checked { txn, hash, warehouse_id, part }))
}

/// Applies the movement, audits it, keeps the answer under the key, commits: 201
/// with the movement and the stock after it, or 409 when the stock does not allow it.
pub(crate) async fn finish(
    checked: Checked,
    me: &Principal,
    request_id: &RequestId,
    key: &IdempotencyKey,
    action: &'static str,
    movement: Movement,
    meta: MovementMeta,
) -> Result<HttpResponse, ApiError> {
    let Checked { txn, hash, warehouse_id, part } = checked;
    let now = Utc::now();
    let (balance, row) = crate::use_cases::stock::ledger::move_stock(&txn, warehouse_id, part.id, movement, meta, now)
        .await?
        .map_err(refused)?;
    let out = MovementResult { movement: movement_out(&row), stock: stock_out(warehouse_id, part.id, balance, now) };
    let change = Change {
        action,
        entity: "stock_movement",
        entity_id: row.id,
        branch_id: None,
        before: None,
        after: snapshot(&out.movement),
    };
    audit::record(&txn, Some(me.user_id), request_id, change).await?;
    let text = idempotency::keep(&txn, me.user_id, key, hash, StatusCode::CREATED, &out).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().content_type("application/json").body(text))
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
