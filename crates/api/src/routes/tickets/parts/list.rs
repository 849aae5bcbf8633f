use std::collections::BTreeMap;

use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::ticket_parts::TicketPartsDto;
use aftersales_persistence::parts;
use aftersales_persistence::tickets::parts as lines;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::state::AppState;
use crate::use_cases::access::ticket_in_scope;
use crate::use_cases::tickets::parts::wire::parts_out;

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
    let ticket = ticket_in_scope(&state.db, &me, *id).await?;
    let found = lines::of_ticket(&state.db, ticket.id).await?;
    let mut catalogue = BTreeMap::new();
    let mut with_parts = Vec::with_capacity(found.len());
    for line in found {
        let part = match catalogue.get(&line.part_id) {
            Some(part) => Clone::clone(part),
            None => {
                let part = parts::find(&state.db, line.part_id).await?;
                catalogue.insert(part.id, part.clone());
                part
            }
        };
        with_parts.push((line, part));
    }
    Ok(HttpResponse::Ok().json(parts_out(&with_parts)?))
}
