use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::tickets::{TicketDto, TicketQuery};

use crate::auth::{StaffOrPartner, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::tickets::list::list;

/// Tickets of your part of the network, newest first unless `sort=oldest`.
///
/// Every filter is optional; they combine with AND. `q` finds a ticket by its
/// number, the customer's name or phone, or the unit's serial, however typed.
#[utoipa::path(
    get, path = "/api/v1/tickets", tag = "tickets", operation_id = "list_tickets",
    security(("bearer" = []), ("api_key" = [])),
    params(TicketQuery),
    responses((status = 200, description = "One page of tickets", body = Page<TicketDto>))
)]
#[get("/api/v1/tickets")]
pub async fn list_tickets(
    state: web::Data<AppState>,
    StaffOrPartner(me, ..): StaffOrPartner<need::ViewTickets>,
    ValidatedQuery(query): ValidatedQuery<TicketQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(list(&state.db, &me, query).await?))
}
