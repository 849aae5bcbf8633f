use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::tickets::TicketEventDto;
use uuid::Uuid;

use crate::auth::{StaffOrPartner, need};
use crate::error::ApiError;
use crate::state::AppState;
use crate::use_cases::tickets::timeline::timeline;

/// The ticket's timeline: every change, oldest first. Append-only.
#[utoipa::path(
    get, path = "/api/v1/tickets/{id}/timeline", tag = "tickets", operation_id = "ticket_timeline",
    security(("bearer" = []), ("api_key" = [])),
    params(("id" = Uuid, Path, description = "Ticket id")),
    responses(
        (status = 200, description = "Events, oldest first", body = Vec<TicketEventDto>),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/tickets/{id}/timeline")]
pub async fn ticket_timeline(
    state: web::Data<AppState>,
    StaffOrPartner(me, ..): StaffOrPartner<need::ViewTickets>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(timeline(&state.db, &me, *id).await?))
}
