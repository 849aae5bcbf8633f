use actix_web::{HttpResponse, delete, web};
use aftersales_api_types::Problem;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::RequestId;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::tickets::labour::remove::remove;

/// Remove a labour line recorded by mistake; appends `labour_removed` to the
/// timeline. Free lines are the office's to remove (403 for others).
#[utoipa::path(
    delete, path = "/api/v1/tickets/{id}/labour/{line_id}", tag = "tickets", operation_id = "remove_ticket_labour",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id"), ("line_id" = Uuid, Path, description = "Labour line id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 403, description = "A free line, and you are not in the office", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such ticket in your part of the network, or no such line on it", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The ticket is closed", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/api/v1/tickets/{id}/labour/{line_id}")]
pub async fn remove_ticket_labour(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::WorkTickets>,
    request_id: RequestId,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (ticket_id, line_id) = path.into_inner();
    remove(&state.db, &Actor::once(me, request_id), ticket_id, line_id).await?;
    Ok(HttpResponse::NoContent().finish())
}
