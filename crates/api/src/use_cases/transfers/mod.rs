//! Stock moving between two warehouses. Either side's people see a transfer; the
//! source side creates and ships it, the destination side receives it and writes
//! down what never arrived. Every step locks the transfer and checks its status
//! inside the transaction, so two people acting on it at once take turns and the
//! second sees what the first did. The rules are `aftersales_domain::stock::transfer`'s.
pub mod close;
pub mod create;
pub mod get;
pub mod list;
pub mod receive;
pub mod ship;

use actix_web::http::StatusCode;
use aftersales_api_types::transfers::{TransferDto, TransferLineDto, TransferStatus as WireStatus};
use aftersales_domain::stock::documents::Refused;
use aftersales_domain::stock::ledger::MovementMeta;
use aftersales_domain::stock::transfer::{TransferError, TransferStatus};
use aftersales_persistence::transfers::{self, Transfer};
use aftersales_persistence::{ConnectionTrait, DatabaseTransaction, StoreError};
use uuid::Uuid;

use crate::audit::{Change, snapshot};
use crate::auth::Principal;
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::{Once, Work};

pub(crate) const ENTITY: &str = "transfer";

pub fn status_out(status: TransferStatus) -> WireStatus {
    match status {
        TransferStatus::Draft => WireStatus::Draft,
        TransferStatus::Shipped => WireStatus::Shipped,
        TransferStatus::PartiallyReceived => WireStatus::PartiallyReceived,
        TransferStatus::Received => WireStatus::Received,
        TransferStatus::Closed => WireStatus::Closed,
    }
}

pub fn status_in(status: WireStatus) -> TransferStatus {
    match status {
        WireStatus::Draft => TransferStatus::Draft,
        WireStatus::Shipped => TransferStatus::Shipped,
        WireStatus::PartiallyReceived => TransferStatus::PartiallyReceived,
        WireStatus::Received => TransferStatus::Received,
        WireStatus::Closed => TransferStatus::Closed,
    }
}

pub fn transfer_out(t: &Transfer) -> TransferDto {
    TransferDto {
        id: t.id.uuid(),
        number: t.number.clone(),
        from_warehouse_id: t.from_warehouse_id.uuid(),
        to_warehouse_id: t.to_warehouse_id.uuid(),
        status: status_out(t.status),
        note: t.note.clone(),
        created_by: t.created_by.map(uuid::Uuid::from),
        created_at: t.created_at,
        shipped_by: t.shipped_by.map(uuid::Uuid::from),
        shipped_at: t.shipped_at,
        received_at: t.received_at,
        closed_by: t.closed_by.map(uuid::Uuid::from),
        closed_at: t.closed_at,
        updated_at: t.updated_at,
        version: t.version,
        lines: t
            .lines
            .iter()
            .map(|row| TransferLineDto {
                part_id: row.part_id.uuid(),
                quantity: row.line.quantity,
                shipped: row.line.shipped,
                received: row.line.received,
                in_transit: row.line.in_transit(),
                missing: row.line.missing,
                shipped_unit_cost_minor: row.shipped_unit_cost_minor,
                discrepancy_note: row.discrepancy_note.clone(),
            })
            .collect(),
    }
}

/// Which side of a transfer a step is taken from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Source,
    Destination,
}

/// The transfer if either of its warehouses is in the caller's part of the
/// network (404 otherwise), with the sides the caller covers.
pub(crate) async fn visible(
    db: &impl ConnectionTrait,
    me: &Principal,
    id: Uuid,
    lock: bool,
) -> Result<(Transfer, bool, bool), ApiError> {
    let found = if lock { transfers::find_for_update(db, id).await } else { transfers::find(db, id).await };
    let transfer = found.or_not_found("transfer")?;
    let (source, destination) = transfers::sides(db, &me.scope, &transfer).await?;
    if !source && !destination {
        return Err(ApiError::not_found("transfer"));
    }
    Ok((transfer, source, destination))
}

/// The transfer, locked, for a step only `side`'s people may take: 404 when it
/// is out of sight, 403 when the caller is on the other side, 412 when `If-Match`
/// names another version.
pub(crate) async fn for_step(
    txn: &DatabaseTransaction,
    me: &Principal,
    id: Uuid,
    side: Side,
    expected: Option<i64>,
) -> Result<Transfer, ApiError> {
    let (transfer, source, destination) = visible(txn, me, id, true).await?;
    match side {
        Side::Source if !source => {
            return Err(ApiError::Forbidden("only the sending warehouse's people ship a transfer"));
        }
        Side::Destination if !destination => {
            return Err(ApiError::Forbidden("only the receiving warehouse's people receive a transfer or close it"));
        }
        _ => {}
    }
    if expected.is_some_and(|v| v != transfer.version) {
        return Err(ApiError::PreconditionFailed);
    }
    Ok(transfer)
}

/// A step the transfer's status or quantities do not allow. Wrong status is a
/// 409; a quantity or a line a 422 naming the request's field.
pub(crate) fn refused(refusal: Refused<TransferError>) -> ApiError {
    let Refused { field, reason } = refusal;
    let code = match reason {
        TransferError::WrongStatus { .. } => return ApiError::Conflict(reason.to_string()),
        TransferError::NotPositive => "range",
        TransferError::MoreThanInTransit { .. } => "more_than_in_transit",
        TransferError::MissingMismatch { .. } => "not_in_transit",
        TransferError::NotOnTransfer => "not_on_transfer",
        TransferError::Duplicate => "duplicate",
        TransferError::Unaccounted { .. } => "unaccounted",
    };
    ApiError::field(&field, code, reason.to_string())
}

/// How a transfer's movements are noted in the ledger.
pub(crate) fn movement_meta(actor_id: Uuid, transfer: &Transfer) -> MovementMeta {
    MovementMeta {
        actor_id: Some(actor_id.into()),
        reason: Some(format!("transfer {}", transfer.number)),
        document_kind: Some(ENTITY.into()),
        document_id: Some(transfer.id.uuid()),
        ticket_id: None,
    }
}

/// Saves the step (`before` as read, `after` as the step left it), audits it,
/// keeps the answer under the `Idempotency-Key` and commits: the transfer as it
/// now is.
pub(crate) async fn finish_step(
    work: Work,
    action: &str,
    before: &Transfer,
    after: &Transfer,
    expected: Option<i64>,
) -> Result<Once<TransferDto>, ApiError> {
    let saved = transfers::save(work.db(), before, expected, after, work.now()).await?;
    let out = transfer_out(&saved);
    let change = Change {
        action,
        entity: ENTITY,
        entity_id: saved.id.uuid(),
        branch_id: Some(saved.from_branch_id.uuid()),
        before: snapshot(&transfer_out(before)),
        after: snapshot(&out),
    };
    work.audit(change).await?;
    work.finish(StatusCode::OK, out).await
}

/// A part named in a message: its SKU, or its id if it has vanished.
pub(crate) async fn sku(db: &impl ConnectionTrait, part_id: Uuid) -> Result<String, ApiError> {
    match aftersales_persistence::parts::find(db, part_id).await {
        Ok(part) => Ok(part.sku),
        Err(StoreError::NotFound) => Ok(part_id.to_string()),
        Err(e) => Err(e.into()),
    }
}
