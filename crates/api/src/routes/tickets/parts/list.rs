use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::ticket_parts::TicketPartsDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::state::AppState;
use crate::use_cases::tickets::parts::list::list;

/// The ticket's parts, one line per part and warehouse, oldest first: reserved,
/// issued, used, returned and old parts recorded, who pays for each, and the exact
/// totals the customer owes and the manufacturer's claim.
#[utoipa::path(
    get, path = "/api/v1/tickets/{id}/parts", tag = "tickets", operation_id = "list_ticket_parts",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id")),
    responses(
        (status = 200, description = "The lines and their totals", body = TicketPartsDto),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/tickets/{id}/parts")]
pub async fn list_ticket_parts(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewTickets>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(list(&state.db, &me, *id).await?))
}
