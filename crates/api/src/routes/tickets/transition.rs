use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::tickets::{TicketDto, TransitionRequest};
use uuid::Uuid;

use crate::auth::{StaffOrPartner, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::tickets::transition::transition;

/// Move a ticket to another stage of its workflow.
///
/// The step must exist from the ticket's current stage, be open to one of your
/// roles (403 otherwise), and its guards must hold: a failing guard answers 409
/// listing every guard that failed in `errors` (`field` = the guard). Completing a
/// ticket whose workflow asks for a callback creates the callback task; completing
/// it again (say a callback sent it back to the bench) makes an answered or
/// unreachable callback pending again, due anew, with a `callback_reopened` event.
/// Closing seals the ticket. Atomic: checked and written in one transaction against the
/// stage as it is now.
#[utoipa::path(
    post, path = "/api/v1/tickets/{id}/transitions", tag = "tickets", operation_id = "transition_ticket",
    security(("bearer" = []), ("api_key" = [])),
    params(("id" = Uuid, Path, description = "Ticket id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read")),
    request_body = TransitionRequest,
    responses(
        (status = 200, description = "Moved", body = TicketDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "No such step from the current stage, a guard failed, or the ticket is closed", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The ticket changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/tickets/{id}/transitions")]
pub async fn transition_ticket(
    state: web::Data<AppState>,
    StaffOrPartner(me, ..): StaffOrPartner<need::WorkTickets>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    ValidatedJson(body): ValidatedJson<TransitionRequest>,
) -> Result<HttpResponse, ApiError> {
    let ticket = transition(&state.db, &Actor::new(me, request_id, key), *id, expected, body).await?;
    Ok(reply::once_tagged(StatusCode::OK, ticket, |v| v.version))
}
