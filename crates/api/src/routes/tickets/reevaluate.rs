use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::tickets::WarrantyReevaluation;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::tickets::reevaluate::reevaluate;

/// Decide the warranty again with the registry's facts as they are now (a sale
/// date corrected, a contract added) and store the new decision on the ticket,
/// answering both decisions and what changed between them.
#[utoipa::path(
    post, path = "/api/v1/tickets/{id}/warranty/reevaluate", tag = "tickets", operation_id = "reevaluate_ticket_warranty",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read")),
    responses(
        (status = 200, description = "Both decisions and their differences", body = WarrantyReevaluation),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The ticket has no registered unit, or is closed", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/tickets/{id}/warranty/reevaluate")]
pub async fn reevaluate_ticket_warranty(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageTickets>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
) -> Result<HttpResponse, ApiError> {
    let answer = reevaluate(&state.db, &Actor::new(me, request_id, key), *id, expected).await?;
    Ok(reply::once_tagged(StatusCode::OK, answer, |v| v.ticket.version))
}
