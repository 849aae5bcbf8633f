use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::ticket_parts::{TicketPartChange, TicketPartQuantity};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::tickets::parts::issue::issue;

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
    let answer = issue(&state.db, &Actor::new(me, request_id, key), *id, body).await?;
    Ok(reply::once(StatusCode::OK, answer))
}
