use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::ticket_parts::{TicketPartChange, TicketPartQuantity};
use aftersales_domain::stock::MovementKind;
use aftersales_domain::stock::ledger::{Movement, StockError};
use aftersales_persistence::stock::MovementMeta;
use aftersales_persistence::tickets::events;
use chrono::Utc;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::state::AppState;
use crate::use_cases::stock::{movement_out, refused};
use crate::use_cases::tickets::parts::{Done, finish, line_to_move, note, open};

/// Hand parts over for the ticket, at the warehouse's moving-average cost: first
/// the units reserved for it there, then free stock. Asking for more than that
/// answers 409 saying how many are available to the ticket, and nothing moves.
/// Who may: as for reserving. Send an `Idempotency-Key` to make a retry safe.
/// Appends `parts_issued`.
#[utoipa::path(
    post, path = "/api/v1/tickets/{id}/parts/issue", tag = "tickets", operation_id = "issue_ticket_parts",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Ticket id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer instead of issuing twice"),
    ),
    request_body = TicketPartQuantity,
    responses(
        (status = 200, description = "Issued", body = TicketPartChange),
        (status = 403, description = "Not your van or not your ticket", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not enough stock (the detail says how many are available), or the ticket is closed", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/tickets/{id}/parts/issue")]
pub async fn issue_ticket_parts(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewTickets>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<TicketPartQuantity>,
) -> Result<HttpResponse, ApiError> {
    let path = format!("/api/v1/tickets/{id}/parts/issue");
    let o = match open(&state, &me, &key, &path, &body, *id).await? {
        Ok(o) => o,
        Err(replayed) => return Ok(replayed),
    };
    let now = Utc::now();
    let (before, part, warehouse) = line_to_move(&o, &me, body.warehouse_id, body.part_id, now).await?;
    let from_reservation = before.counts.reserved.min(body.quantity);
    let meta = MovementMeta {
        actor_id: Some(me.user_id),
        reason: None,
        document_kind: Some("ticket".into()),
        document_id: Some(o.ticket.id),
        ticket_id: Some(o.ticket.id),
    };
    // The reserved units first, so the promise shrinks with the stock; then the
    // rest from what is free. Either refused rolls both back.
    let mut rows = Vec::new();
    let mut balance = None;
    for (quantity, reserved) in [(from_reservation, true), (body.quantity - from_reservation, false)] {
        if quantity == 0 {
            continue;
        }
        let movement =
            Movement { kind: MovementKind::IssueToTicket, quantity, unit_cost_minor: None, from_reservation: reserved };
        let (after, row) =
            crate::use_cases::stock::ledger::move_stock(&o.txn, warehouse.id, part.id, movement, meta.clone(), now)
                .await?
                .map_err(|e| match e {
                    // Say what the ticket could have had: its reservation and the free stock.
                    StockError::Insufficient { available, .. } => refused(StockError::Insufficient {
                        available: available + from_reservation,
                        requested: body.quantity,
                    }),
                    other => refused(other),
                })?;
        balance = Some(after);
        rows.push(row);
    }
    let balance = balance.ok_or_else(|| ApiError::field("quantity", "range", "must be positive"))?;
    let mut after = before.clone();
    after.counts.reserved -= from_reservation;
    after.counts.issued += body.quantity;
    after.issued_value_minor -= rows.iter().map(|r| r.value_delta_minor).sum::<i64>();
    let done = Done {
        action: "ticket.parts_issue",
        events: vec![(events::PARTS_ISSUED, note(body.quantity, &part, &warehouse.code, "from"))],
        before,
        after,
        part,
        balance,
        movements: rows.iter().map(movement_out).collect(),
        defective_parts: vec![],
    };
    finish(o, &me, &request_id, &key, done, now).await
}
