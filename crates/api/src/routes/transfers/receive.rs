use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::transfers::{ReceiveTransfer, TransferDto};
use aftersales_domain::stock::MovementKind;
use aftersales_domain::stock::ledger::Movement;
use aftersales_domain::stock::transfer::{self, TransferAction, TransferStatus};
use aftersales_persistence::stock::MovementMeta;
use aftersales_persistence::transfers::{self as store, TransferStep};
use aftersales_persistence::warehouses;
use chrono::Utc;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson};
use crate::idempotency::{self, IdempotencyKey};
use crate::state::AppState;
use crate::use_cases::transfers::{ENTITY, Side, finish, for_step, line_indexes, refused};

/// Receive what arrived of a shipped transfer into the destination warehouse, at
/// the cost it was shipped at (a `transfer_in` movement per line).
///
/// Partial receipts are fine; the rest stays in transit. More than is in transit
/// is a 422 naming the line (`lines[0].quantity`). Only the destination side's
/// people receive. Two people receiving at once take turns: the second sees what
/// the first received. Send an `Idempotency-Key` to make a retry safe.
#[utoipa::path(
    post, path = "/api/v1/transfers/{id}/receive", tag = "transfers", operation_id = "receive_transfer",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Transfer id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 if the transfer changed since"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer instead of receiving twice"),
    ),
    request_body = ReceiveTransfer,
    responses(
        (status = 200, description = "Received", body = TransferDto, headers(("ETag" = String, description = "New version"))),
        (status = 403, description = "You are not on the receiving side, or your roles do not allow this", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such transfer in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not in transit (a draft, received or closed), or the destination is closed", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The transfer changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/transfers/{id}/receive")]
pub async fn receive_transfer(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::MoveStock>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<ReceiveTransfer>,
) -> Result<HttpResponse, ApiError> {
    let path = format!("/api/v1/transfers/{id}/receive");
    let opened = match idempotency::open(&state.db, me.user_id, &key, &path, &body).await? {
        Ok(opened) => opened,
        Err(replayed) => return Ok(replayed),
    };
    let txn = &opened.txn;
    let current = for_step(txn, &me, *id, Side::Destination, expected).await?;
    transfer::check(current.status, TransferAction::Receive).map_err(|e| refused(e, "status"))?;
    if !warehouses::find(txn, current.to_warehouse_id).await?.active {
        return Err(ApiError::Conflict("the destination warehouse is closed; stock no longer moves in it".into()));
    }
    let indexes = line_indexes(&current, body.lines.iter().map(|l| l.part_id))?;
    let now = Utc::now();
    let mut lines = current.lines.clone();
    for (i, (wanted, &index)) in body.lines.iter().zip(&indexes).enumerate() {
        let row = &mut lines[index];
        row.line =
            transfer::receive(row.line, wanted.quantity).map_err(|e| refused(e, &format!("lines[{i}].quantity")))?;
        let movement = Movement {
            kind: MovementKind::TransferIn,
            quantity: wanted.quantity,
            unit_cost_minor: Some(row.shipped_unit_cost_minor.unwrap_or_default()),
            from_reservation: false,
        };
        let meta = MovementMeta {
            actor_id: Some(me.user_id),
            reason: Some(format!("transfer {}", current.number)),
            document_kind: Some(ENTITY.into()),
            document_id: Some(current.id),
            ticket_id: None,
        };
        crate::use_cases::stock::ledger::move_stock(txn, current.to_warehouse_id, row.part_id, movement, meta, now)
            .await?
            .map_err(crate::use_cases::stock::refused)?;
    }
    let status = transfer::status_after(&lines.iter().map(|r| r.line).collect::<Vec<_>>());
    let step = TransferStep {
        status,
        shipped_by: None,
        shipped_at: None,
        received_at: (status == TransferStatus::Received).then_some(now),
        closed_by: None,
        closed_at: None,
        lines,
    };
    let after = store::update(txn, &current, expected, step, now).await?;
    finish(opened, &me, &request_id, &key, "transfer.receive", &current, &after).await
}
