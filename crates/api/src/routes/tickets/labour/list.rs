use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::labour::TicketLabourDto;
use aftersales_persistence::tickets::labour;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::state::AppState;
use crate::use_cases::access::ticket_in_scope;
use crate::use_cases::tickets::work::labour_out;

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
    let ticket = ticket_in_scope(&state.db, &me, *id).await?;
    let lines = labour::of_ticket(&state.db, ticket.id).await?;
    Ok(HttpResponse::Ok().json(labour_out(&lines)?))
}
