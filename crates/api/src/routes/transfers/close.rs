use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::transfers::{CloseTransfer, TransferDto};
use aftersales_domain::stock::transfer::{self, TransferAction};
use aftersales_persistence::transfers::{self as store, TransferStep};
use chrono::Utc;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson};
use crate::idempotency::{self, IdempotencyKey};
use crate::state::AppState;
use crate::use_cases::transfers::{Side, finish, for_step, line_indexes, refused, sku};

/// Close a transfer whose rest will never arrive: for every part still in
/// transit, say how many are missing (exactly what is in transit) and why.
///
/// The missing units left the source's stock when shipped and arrive nowhere;
/// the lines keep the discrepancy and its note. A part in transit left out is a
/// 422 on `lines`; a wrong count a 422 naming the line (`lines[0].missing`).
/// Only the destination side's people close a transfer.
#[utoipa::path(
    post, path = "/api/v1/transfers/{id}/close-with-discrepancy", tag = "transfers", operation_id = "close_transfer",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Transfer id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 if the transfer changed since"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer"),
    ),
    request_body = CloseTransfer,
    responses(
        (status = 200, description = "Closed with the discrepancy recorded", body = TransferDto, headers(("ETag" = String, description = "New version"))),
        (status = 403, description = "You are not on the receiving side, or your roles do not allow this", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such transfer in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Nothing is in transit (a draft, received or closed)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The transfer changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/transfers/{id}/close-with-discrepancy")]
pub async fn close_transfer(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::MoveStock>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<CloseTransfer>,
) -> Result<HttpResponse, ApiError> {
    let path = format!("/api/v1/transfers/{id}/close-with-discrepancy");
    let opened = match idempotency::open(&state.db, me.user_id, &key, &path, &body).await? {
        Ok(opened) => opened,
        Err(replayed) => return Ok(replayed),
    };
    let txn = &opened.txn;
    let current = for_step(txn, &me, *id, Side::Destination, expected).await?;
    transfer::check(current.status, TransferAction::Close).map_err(|e| refused(e, "status"))?;
    let indexes = line_indexes(&current, body.lines.iter().map(|l| l.part_id))?;
    let mut lines = current.lines.clone();
    for (i, (gone, &index)) in body.lines.iter().zip(&indexes).enumerate() {
        let row = &mut lines[index];
        row.line =
            transfer::record_missing(row.line, gone.missing).map_err(|e| refused(e, &format!("lines[{i}].missing")))?;
        row.discrepancy_note = Some(gone.note.trim().to_owned());
    }
    if let Some(left) = lines.iter().find(|row| row.line.in_transit() > 0) {
        let message = format!(
            "{} of {} are still in transit; say what became of them",
            left.line.in_transit(),
            sku(txn, left.part_id).await?
        );
        return Err(ApiError::field("lines", "unaccounted", message));
    }
    let now = Utc::now();
    let step = TransferStep {
        status: transfer::status_after(&lines.iter().map(|r| r.line).collect::<Vec<_>>()),
        shipped_by: None,
        shipped_at: None,
        received_at: Some(now),
        closed_by: Some(me.user_id),
        closed_at: Some(now),
        lines,
    };
    let after = store::update(txn, &current, expected, step, now).await?;
    finish(opened, &me, &request_id, &key, "transfer.close", &current, &after).await
}
