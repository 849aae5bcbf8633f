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
use crate::use_cases::tickets::parts::reserve::reserve;

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
    let answer = reserve(&state.db, &Actor::new(me, request_id, key), *id, body).await?;
    Ok(reply::once(StatusCode::OK, answer))
}
