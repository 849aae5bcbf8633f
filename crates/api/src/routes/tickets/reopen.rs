use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::tickets::{ReopenRequest, TicketDto};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::tickets::reopen::reopen;

/// Reopen a closed ticket (admins only), saying why.
///
/// The ticket goes back to `stage`, or to the stage it was in before it was closed.
#[utoipa::path(
    post, path = "/api/v1/tickets/{id}/reopen", tag = "tickets", operation_id = "reopen_ticket",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read")),
    request_body = ReopenRequest,
    responses(
        (status = 200, description = "Reopened", body = TicketDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The ticket is not closed", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The ticket changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/tickets/{id}/reopen")]
pub async fn reopen_ticket(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ReopenTickets>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    ValidatedJson(body): ValidatedJson<ReopenRequest>,
) -> Result<HttpResponse, ApiError> {
    let ticket = reopen(&state.db, &Actor::new(me, request_id, key), *id, expected, body).await?;
    Ok(reply::once_tagged(StatusCode::OK, ticket, |v| v.version))
}
