use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::transfers::TransferDto;
use aftersales_domain::stock::MovementKind;
use aftersales_domain::stock::ledger::Movement;
use aftersales_domain::stock::transfer::{self, TransferAction, TransferStatus};
use aftersales_persistence::stock::MovementMeta;
use aftersales_persistence::transfers::{self as store, TransferStep};
use aftersales_persistence::{parts, warehouses};
use chrono::Utc;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId};
use crate::idempotency::{self, IdempotencyKey};
use crate::state::AppState;
use crate::use_cases::stock::refused_at;
use crate::use_cases::transfers::{ENTITY, Side, finish, for_step, refused};

/// Ship a draft transfer: every line leaves the source warehouse at its
/// moving-average cost (a `transfer_out` movement), all or nothing.
///
/// If any line is short, the answer is 409 naming the part and how many are
/// available, and nothing moves. Only the source side's people ship. Send an
/// `Idempotency-Key` to make a retry safe.
#[utoipa::path(
    post, path = "/api/v1/transfers/{id}/ship", tag = "transfers", operation_id = "ship_transfer",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Transfer id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 if the transfer changed since"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer instead of shipping twice"),
    ),
    responses(
        (status = 200, description = "Shipped", body = TransferDto, headers(("ETag" = String, description = "New version"))),
        (status = 403, description = "You are not on the sending side, or your roles do not allow this", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such transfer in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not a draft, a warehouse or part closed, or a line short of stock (named)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The transfer changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/transfers/{id}/ship")]
pub async fn ship_transfer(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::MoveStock>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    key: IdempotencyKey,
) -> Result<HttpResponse, ApiError> {
    let path = format!("/api/v1/transfers/{id}/ship");
    let opened = match idempotency::open(&state.db, me.user_id, &key, &path, &()).await? {
        Ok(opened) => opened,
        Err(replayed) => return Ok(replayed),
    };
    let txn = &opened.txn;
    let current = for_step(txn, &me, *id, Side::Source, expected).await?;
    transfer::check(current.status, TransferAction::Ship).map_err(|e| refused(e, "status"))?;
    if !warehouses::find(txn, current.from_warehouse_id).await?.active {
        return Err(ApiError::Conflict("the source warehouse is closed; stock no longer moves in it".into()));
    }
    let now = Utc::now();
    let mut lines = current.lines.clone();
    for (i, row) in lines.iter_mut().enumerate() {
        let part = parts::find(txn, row.part_id).await?;
        let on = |what: String| ApiError::Conflict(format!("line {} ({}): {what}", i + 1, part.sku));
        if !part.active {
            return Err(on("this part is discontinued; stock no longer moves for it".into()));
        }
        let shipped = transfer::ship(row.line);
        let movement = Movement {
            kind: MovementKind::TransferOut,
            quantity: shipped.shipped,
            unit_cost_minor: None,
            from_reservation: false,
        };
        let meta = MovementMeta {
            actor_id: Some(me.user_id),
            reason: Some(format!("transfer {}", current.number)),
            document_kind: Some(ENTITY.into()),
            document_id: Some(current.id),
            ticket_id: None,
        };
        // A short line ends the request here; dropping the transaction undoes the
        // lines already taken out, so nothing moves.
        let (_, ledger_row) = crate::use_cases::stock::ledger::move_stock(
            txn,
            current.from_warehouse_id,
            row.part_id,
            movement,
            meta,
            now,
        )
        .await?
        .map_err(|e| match refused_at(e, &format!("lines[{i}].quantity")) {
            // A shortage keeps naming its line in `errors`.
            ApiError::ConflictAt { message, errors } => {
                ApiError::ConflictAt { message: format!("line {} ({}): {message}", i + 1, part.sku), errors }
            }
            other => on(other.to_string()),
        })?;
        row.line = shipped;
        row.shipped_unit_cost_minor = Some(ledger_row.unit_cost_minor);
    }
    let step = TransferStep {
        status: TransferStatus::Shipped,
        shipped_by: Some(me.user_id),
        shipped_at: Some(now),
        received_at: None,
        closed_by: None,
        closed_at: None,
        lines,
    };
    let after = store::update(txn, &current, expected, step, now).await?;
    finish(opened, &me, &request_id, &key, "transfer.ship", &current, &after).await
}
