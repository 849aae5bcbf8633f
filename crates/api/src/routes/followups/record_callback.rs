use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::followups::{CallbackDto, RecordCallback};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::followups::record_callback::record;

/// Record a call to the customer: their answers to the script, or that nobody answered.
///
/// `reached: true` checks the answers against the script (422 naming
/// `answers.<code>` for each unknown, ill-typed or missing one), stores them, puts
/// the satisfaction score (the rounded mean of the scores) on the ticket, and holds
/// the answers against the ticket: an answer that contradicts it (charged on a
/// covered repair, unit still broken) flags the ticket for a supervisor.
/// `reached: false` counts an unanswered call; after three the customer is
/// `unreachable`, which lets the ticket close like an answered callback.
/// `If-Match` is the ticket's `ETag`. 409 when the ticket is not completed yet (no
/// callback task), the callback is already settled, or the ticket is closed.
#[utoipa::path(
    post, path = "/api/v1/tickets/{id}/callback", tag = "followups", operation_id = "record_ticket_callback",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id"),
        ("If-Match" = Option<String>, Header, description = "The ticket's ETag you read")),
    request_body = RecordCallback,
    responses(
        (status = 200, description = "Recorded", body = CallbackDto),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The ticket is not completed, its callback is already done, or it is closed", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The ticket changed since you read it", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad answers, each named as `answers.<code>`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/tickets/{id}/callback")]
pub async fn record_ticket_callback(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::HandleFollowUps>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    ValidatedJson(body): ValidatedJson<RecordCallback>,
) -> Result<HttpResponse, ApiError> {
    let callback = record(&state.db, &Actor::new(me, request_id, key), *id, expected, body).await?;
    Ok(reply::once(StatusCode::OK, callback))
}
