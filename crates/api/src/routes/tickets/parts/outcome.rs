use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::ticket_parts::{RecordPartOutcome, TicketPartChange};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::tickets::parts::outcome::record_outcome;

/// Record what became of parts issued to the ticket; each count adds to what is
/// recorded. `returned_unused` parts go back on the shelf they came from (a
/// `return_unused` ledger row); `defective` old parts taken out of the unit are
/// owed back by the ticket's technician within `defective_return_days`. Recording
/// more used and returned than was issued, or more old parts than parts used,
/// answers 422 naming the field, and nothing is recorded. A technician records on
/// their own tickets; the office on any (403 otherwise). Appends `parts_used`,
/// `parts_returned` and `defective_recorded`.
#[utoipa::path(
    post, path = "/api/v1/tickets/{id}/parts/outcome", tag = "tickets", operation_id = "record_ticket_parts_outcome",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Ticket id"),
    ),
    request_body = RecordPartOutcome,
    responses(
        (status = 200, description = "Recorded", body = TicketPartChange),
        (status = 403, description = "Not your ticket", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The ticket is closed", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/tickets/{id}/parts/outcome")]
pub async fn record_ticket_parts_outcome(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::WorkTickets>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<RecordPartOutcome>,
) -> Result<HttpResponse, ApiError> {
    let answer = record_outcome(&state.db, &Actor::new(me, request_id, key), *id, body).await?;
    Ok(reply::once(StatusCode::OK, answer))
}
