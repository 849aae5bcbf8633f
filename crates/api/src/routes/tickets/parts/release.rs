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
use crate::use_cases::tickets::parts::release::release;

/// Give back parts promised to the ticket: they become available to others again.
/// Giving back more than the ticket has reserved there answers 409 saying how many
/// it has. Who may: as for reserving. Appends `parts_released`.
#[utoipa::path(
    post, path = "/api/v1/tickets/{id}/parts/release", tag = "tickets", operation_id = "release_ticket_parts",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Ticket id"),
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
    let answer = release(&state.db, &Actor::new(me, request_id, key), *id, body).await?;
    Ok(reply::once(StatusCode::OK, answer))
}
