//! Shared by the `/transfers` use cases.
use std::collections::HashSet;

use actix_web::HttpResponse;
use actix_web::http::{StatusCode, header};
use aftersales_api_types::transfers::{TransferDto, TransferLineDto, TransferStatus as WireStatus};
use aftersales_domain::stock::transfer::{TransferError, TransferStatus};
use aftersales_persistence::transfers::{self, Transfer};
use aftersales_persistence::{ConnectionTrait, DatabaseTransaction, StoreError};
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::Principal;
use crate::error::{ApiError, NotFoundAs};
use crate::extract::{RequestId, etag};
use crate::idempotency::{self, IdempotencyKey, Opened};

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
        id: t.id,
        number: t.number.clone(),
        from_warehouse_id: t.from_warehouse_id,
        to_warehouse_id: t.to_warehouse_id,
        status: status_out(t.status),
        note: t.note.clone(),
        created_by: t.created_by,
        created_at: t.created_at,
        shipped_by: t.shipped_by,
        shipped_at: t.shipped_at,
        received_at: t.received_at,
        closed_by: t.closed_by,
        closed_at: t.closed_at,
        updated_at: t.updated_at,
        version: t.version,
        lines: t
            .lines
            .iter()
            .map(|row| TransferLineDto {
                part_id: row.part_id,
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
/// 409; a quantity is a 422 naming `field`.
pub(crate) fn refused(e: TransferError, field: &str) -> ApiError {
    match e {
        TransferError::WrongStatus { .. } => ApiError::Conflict(e.to_string()),
        TransferError::NotPositive => ApiError::field(field, "range", e.to_string()),
        TransferError::MoreThanInTransit { .. } => ApiError::field(field, "more_than_in_transit", e.to_string()),
        TransferError::MissingMismatch { .. } => ApiError::field(field, "not_in_transit", e.to_string()),
    }
}

/// The index of each body line's part on the transfer: 422 naming
/// `lines[i].part_id` for a part not on it or named twice.
pub(crate) fn line_indexes(transfer: &Transfer, parts: impl Iterator<Item = Uuid>) -> Result<Vec<usize>, ApiError> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (i, part_id) in parts.enumerate() {
        let field = format!("lines[{i}].part_id");
        let Some(index) = transfer.lines.iter().position(|row| row.part_id == part_id) else {
            return Err(ApiError::field(&field, "not_on_transfer", "this part is not on the transfer"));
        };
        if !seen.insert(part_id) {
            return Err(ApiError::field(&field, "duplicate", "each part once"));
        }
        out.push(index);
    }
    Ok(out)
}

/// Audits the step, keeps the answer under the `Idempotency-Key`, commits, and
/// answers 200 with the transfer as it now is.
pub(crate) async fn finish(
    opened: Opened,
    me: &Principal,
    request_id: &RequestId,
    key: &IdempotencyKey,
    action: &str,
    before: &Transfer,
    after: &Transfer,
) -> Result<HttpResponse, ApiError> {
    let Opened { txn, hash } = opened;
    let out = transfer_out(after);
    let change = Change {
        action,
        entity: ENTITY,
        entity_id: after.id,
        branch_id: Some(after.from_branch_id),
        before: snapshot(&transfer_out(before)),
        after: snapshot(&out),
    };
    audit::record(&txn, Some(me.user_id), request_id, change).await?;
    let text = idempotency::keep(&txn, me.user_id, key, hash, StatusCode::OK, &out).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(after.version)))
        .content_type("application/json")
        .body(text))
}

/// A part named in a message: its SKU, or its id if it has vanished.
pub(crate) async fn sku(db: &impl ConnectionTrait, part_id: Uuid) -> Result<String, ApiError> {
    match aftersales_persistence::parts::find(db, part_id).await {
        Ok(part) => Ok(part.sku),
        Err(StoreError::NotFound) => Ok(part_id.to_string()),
        Err(e) => Err(e.into()),
    }
}
