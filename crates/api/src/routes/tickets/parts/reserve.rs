use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::ticket_parts::{TicketPartChange, TicketPartQuantity};
use aftersales_persistence::tickets::events;
use chrono::Utc;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::state::AppState;
use crate::use_cases::stock::refused;
use crate::use_cases::tickets::parts::{Done, finish, line_to_move, note, open};

/// Promise parts on a warehouse's shelf to the ticket: they stay on hand but no
/// one else can take them. Asking for more than is available (on hand and not
/// promised) answers 409 saying how many are. The warehouse's keepers and managers
/// reserve from any warehouse of their part of the network, a technician only from
/// their own van for their own ticket (403 otherwise). Appends `parts_reserved`.
#[utoipa::path(
    post, path = "/api/v1/tickets/{id}/parts/reserve", tag = "tickets", operation_id = "reserve_ticket_parts",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Ticket id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer instead of reserving twice"),
    ),
    request_body = TicketPartQuantity,
    responses(
        (status = 200, description = "Reserved", body = TicketPartChange),
        (status = 403, description = "Not your van or not your ticket", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not enough available (the detail says how many are), or the ticket is closed", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/tickets/{id}/parts/reserve")]
pub async fn reserve_ticket_parts(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewTickets>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<TicketPartQuantity>,
) -> Result<HttpResponse, ApiError> {
    let path = format!("/api/v1/tickets/{id}/parts/reserve");
    let o = match open(&state, &me, &key, &path, &body, *id).await? {
        Ok(o) => o,
        Err(replayed) => return Ok(replayed),
    };
    let now = Utc::now();
    let (before, part, warehouse) = line_to_move(&o, &me, body.warehouse_id, body.part_id, now).await?;
    let balance = crate::use_cases::stock::ledger::reserve(&o.txn, warehouse.id, part.id, body.quantity, now)
        .await?
        .map_err(refused)?;
    let mut after = before.clone();
    after.counts.reserved += body.quantity;
    let done = Done {
        action: "ticket.parts_reserve",
        events: vec![(events::PARTS_RESERVED, note(body.quantity, &part, &warehouse.code, "at"))],
        before,
        after,
        part,
        balance,
        movements: vec![],
        defective_parts: vec![],
    };
    finish(o, &me, &request_id, &key, done, now).await
}
