use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::labour::{AddLabourLine, LabourLineDto};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::tickets::labour::add::add;

/// Record a labour line on a ticket.
///
/// Give `service_item_id` (an active item of the ticket's product category: its
/// code, English name, price and minutes are copied) or, office staff only, a free
/// line's `code`, `description` and `unit_price` (403 for others). `technician_id`
/// must be an active technician of your part of the network; when absent and you
/// are a technician, the line is yours. Appends `labour_added` to the timeline.
#[utoipa::path(
    post, path = "/api/v1/tickets/{id}/labour", tag = "tickets", operation_id = "add_ticket_labour",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id")),
    request_body = AddLabourLine,
    responses(
        (status = 201, description = "Recorded", body = LabourLineDto),
        (status = 403, description = "A free line by someone not in the office", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The ticket is closed", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/tickets/{id}/labour")]
pub async fn add_ticket_labour(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::WorkTickets>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<AddLabourLine>,
) -> Result<HttpResponse, ApiError> {
    let line = add(&state.db, &Actor::new(me, request_id, key), *id, body).await?;
    Ok(reply::once(StatusCode::CREATED, line))
}
