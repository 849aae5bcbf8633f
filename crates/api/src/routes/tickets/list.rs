use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::tickets::{TicketDto, TicketQuery, TicketSort};
use aftersales_domain::tickets::{StageCategory, TicketKind, WarrantyStatus};
use aftersales_persistence::tickets::{self, TicketFilter, TicketOrder};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::pagination;
use crate::state::AppState;
use crate::use_cases::tickets::{domain_enum, ticket_out};

/// Tickets of your part of the network, newest first unless `sort=oldest`.
///
/// Every filter is optional; they combine with AND. `q` finds a ticket by its
/// number, the customer's name or phone, or the unit's serial, however typed.
#[utoipa::path(
    get, path = "/api/v1/tickets", tag = "tickets", operation_id = "list_tickets",
    security(("bearer" = [])),
    params(TicketQuery),
    responses((status = 200, description = "One page of tickets", body = Page<TicketDto>))
)]
#[get("/api/v1/tickets")]
pub async fn list_tickets(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewTickets>,
    ValidatedQuery(query): ValidatedQuery<TicketQuery>,
) -> Result<HttpResponse, ApiError> {
    let limit = pagination::limit(query.limit);
    let filter = TicketFilter {
        kind: query.kind.as_ref().map(|k| domain_enum(k, TicketKind::parse)).transpose()?,
        stage: query.stage,
        stage_category: query.stage_category.as_ref().map(|c| domain_enum(c, StageCategory::parse)).transpose()?,
        branch_id: query.branch_id,
        technician_id: query.technician_id,
        unassigned: query.unassigned.unwrap_or(false),
        customer_id: query.customer_id,
        serial_id: query.serial_id,
        warranty_status: query.warranty_status.as_ref().map(|w| domain_enum(w, WarrantyStatus::parse)).transpose()?,
        created_from: query.created_from,
        created_to: query.created_to,
        appointment_from: query.appointment_from,
        appointment_to: query.appointment_to,
        repeat_repair: query.repeat_repair,
        contradiction: query.contradiction,
        q: query.q,
        order: match query.sort {
            Some(TicketSort::Oldest) => TicketOrder::OldestFirst,
            _ => TicketOrder::NewestFirst,
        },
        assigned_to: Some(me.user_id),
        after_id: pagination::decode_id_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = tickets::list(&state.db, &me.scope, filter).await?;
    let items = rows.iter().map(ticket_out).collect::<Result<Vec<_>, _>>()?;
    Ok(HttpResponse::Ok().json(pagination::page(items, limit, |t| t.id.to_string(), Clone::clone)))
}
