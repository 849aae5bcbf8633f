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

/// Give back parts promised to the ticket: they become available to others again.
/// Giving back more than the ticket has reserved there answers 409 saying how many
/// it has. Who may: as for reserving. Appends `parts_released`.
#[utoipa::path(
    post, path = "/api/v1/tickets/{id}/parts/release", tag = "tickets", operation_id = "release_ticket_parts",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Ticket id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer instead of releasing twice"),
    ),
    request_body = TicketPartQuantity,
    responses(
        (status = 200, description = "Released", body = TicketPartChange),
        (status = 403, description = "Not your van or not your ticket", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Fewer reserved for the ticket than asked, or the ticket is closed", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/tickets/{id}/parts/release")]
pub async fn release_ticket_parts(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewTickets>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<TicketPartQuantity>,
) -> Result<HttpResponse, ApiError> {
    let path = format!("/api/v1/tickets/{id}/parts/release");
    let o = match open(&state, &me, &key, &path, &body, *id).await? {
        Ok(o) => o,
        Err(replayed) => return Ok(replayed),
    };
    let now = Utc::now();
    let (before, part, warehouse) = line_to_move(&o, &me, body.warehouse_id, body.part_id, now).await?;
    if body.quantity > before.counts.reserved {
        return Err(ApiError::conflict_at(
            "quantity",
            "not_reserved",
            format!("{} reserved", before.counts.reserved),
            format!(
                "only {} reserved for this ticket at {}, {} requested",
                before.counts.reserved, warehouse.code, body.quantity
            ),
        ));
    }
    let balance = crate::use_cases::stock::ledger::release(&o.txn, warehouse.id, part.id, body.quantity, now)
        .await?
        .map_err(refused)?;
    let mut after = before.clone();
    after.counts.reserved -= body.quantity;
    let done = Done {
        action: "ticket.parts_release",
        events: vec![(events::PARTS_RELEASED, note(body.quantity, &part, &warehouse.code, "at"))],
        before,
        after,
        part,
        balance,
        movements: vec![],
        defective_parts: vec![],
    };
    finish(o, &me, &request_id, &key, done, now).await
}
