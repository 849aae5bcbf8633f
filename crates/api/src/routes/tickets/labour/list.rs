use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::labour::TicketLabourDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::state::AppState;
use crate::use_cases::tickets::labour::list::list;

/// The ticket's labour lines, oldest first, with exact totals per currency.
#[utoipa::path(
    get, path = "/api/v1/tickets/{id}/labour", tag = "tickets", operation_id = "list_ticket_labour",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id")),
    responses(
        (status = 200, description = "The lines and their totals", body = TicketLabourDto),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/tickets/{id}/labour")]
pub async fn list_ticket_labour(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewTickets>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(list(&state.db, &me, *id).await?))
}
