use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::tickets::{CreateTicket, TicketDto};

use crate::auth::{StaffOrPartner, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::tickets::take_in::take_in;

/// Take in a ticket.
///
/// Finds the unit (by serial, warranty card, sale document or scanned barcode) and
/// the customer (existing, or registered in the same request), decides the warranty
/// with the entitlement engine and stores that decision on the ticket, numbers the
/// ticket per branch, kind and year without gaps (`RO-HN01-2026-000123`), flags a
/// repeat repair, and starts it in the first stage of its kind's workflow. The
/// answer carries the public `tracking_code`.
#[utoipa::path(
    post, path = "/api/v1/tickets", tag = "tickets", operation_id = "create_ticket",
    security(("bearer" = []), ("api_key" = [])),
    request_body = CreateTicket,
    responses(
        (status = 201, description = "Taken in", body = TicketDto,
            headers(("Location" = String, description = "URL of the ticket"), ("ETag" = String, description = "Version of the ticket"))),
        (status = 409, description = "The new customer shares a phone or e-mail with an existing one", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/tickets")]
pub async fn create_ticket(
    state: web::Data<AppState>,
    StaffOrPartner(me, ..): StaffOrPartner<need::ManageTickets>,
    request_id: RequestId,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<CreateTicket>,
) -> Result<HttpResponse, ApiError> {
    let ticket = take_in(&state.db, &Actor::new(me, request_id, key), body).await?;
    Ok(reply::created(ticket, |v| format!("/api/v1/tickets/{}", v.id), |v| v.version))
}
