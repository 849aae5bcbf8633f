use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::partners::{GiveTicketToPartner, TicketPartners};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::{Actor, partners};

/// Give a ticket to a contracted repair shop or dealer (or take it back with
/// `null`). The shop then reads it and moves it through its workflow with its
/// API key; the ticket stays in your list.
#[utoipa::path(
    post, path = "/api/v1/tickets/{id}/partner", tag = "tickets", operation_id = "give_ticket_to_partner",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read")),
    request_body = GiveTicketToPartner,
    responses(
        (status = 200, description = "Given (or taken back)", body = TicketPartners, headers(("ETag" = String, description = "New version of the ticket"))),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The ticket is closed", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The ticket changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/tickets/{id}/partner")]
pub async fn give_ticket_to_partner(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::DispatchTickets>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    ValidatedJson(body): ValidatedJson<GiveTicketToPartner>,
) -> Result<HttpResponse, ApiError> {
    let actor = Actor::new(me, request_id, key);
    let given = partners::give_ticket::give_ticket(&state.db, &actor, *id, expected, body).await?;
    Ok(reply::once_tagged(actix_web::http::StatusCode::OK, given, |g| g.version))
}
