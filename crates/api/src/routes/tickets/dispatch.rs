use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::dispatch::{DispatchRequest, DispatchResult};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::tickets::dispatch::dispatch;

/// Send a technician to a ticket for an appointment window.
///
/// The technician must be an active technician of your part of the network. Giving
/// the ticket to another technician than the one it has needs a `reason`. Dispatch
/// warns when the technician works outside the ticket's branch (`outside_branch`),
/// lacks a skill the unit's product category requires (`missing_skill`), or already
/// has the day's limit of jobs (`over_daily_load`, counted on the appointment's day
/// where the ticket's branch is): a warning answers 409 listing each one in `errors`
/// (`field` = the warning), and the same request with `override: true` and an
/// `override_reason` goes through, the overridden warnings noted on the timeline.
#[utoipa::path(
    post, path = "/api/v1/tickets/{id}/dispatch", tag = "dispatch", operation_id = "dispatch_ticket",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read")),
    request_body = DispatchRequest,
    responses(
        (status = 200, description = "Dispatched", body = DispatchResult, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Warnings to override (`dispatch_warnings`), or the ticket is closed", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The ticket changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/tickets/{id}/dispatch")]
pub async fn dispatch_ticket(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::DispatchTickets>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    ValidatedJson(body): ValidatedJson<DispatchRequest>,
) -> Result<HttpResponse, ApiError> {
    let answer = dispatch(&state.db, &Actor::new(me, request_id, key), *id, expected, body).await?;
    Ok(reply::once_tagged(StatusCode::OK, answer, |v| v.ticket.version))
}
