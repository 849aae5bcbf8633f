use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::tickets::{TicketDto, UpdateTicket};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::tickets::update::update;

/// Change a ticket's details; every changed field is a timeline event.
///
/// Technicians record the diagnosis and resolution codes (from the product
/// category's code lists), their notes and the time on site; the other fields are
/// the office's. Send `If-Match` with the version you read: a ticket changed
/// meanwhile answers 412. A closed ticket is sealed (409).
#[utoipa::path(
    patch, path = "/api/v1/tickets/{id}", tag = "tickets", operation_id = "update_ticket",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read")),
    request_body = UpdateTicket,
    responses(
        (status = 200, description = "Changed", body = TicketDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The ticket is closed", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The ticket changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/api/v1/tickets/{id}")]
pub async fn update_ticket(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::WorkTickets>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    ValidatedJson(body): ValidatedJson<UpdateTicket>,
) -> Result<HttpResponse, ApiError> {
    let ticket = update(&state.db, &Actor::once(me, request_id), *id, expected, body).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(ticket.version))).json(ticket))
}
