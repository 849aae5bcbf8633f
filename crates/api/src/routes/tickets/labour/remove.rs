use actix_web::{HttpResponse, delete, web};
use aftersales_api_types::Problem;
use aftersales_persistence::begin_write;
use aftersales_persistence::tickets::{events, labour};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::{ApiError, NotFoundAs};
use crate::extract::RequestId;
use crate::money_dto::money_out;
use crate::state::AppState;
use crate::use_cases::access::{refuse_if_sealed, ticket_in_scope};
use crate::use_cases::tickets::labour::{ENTITY, may_price_freely};
use crate::use_cases::tickets::work::labour_line_out;

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
    let now = Utc::now();
    let txn = begin_write(&state.db).await?;
    let ticket = ticket_in_scope(&txn, &me, ticket_id).await?;
    let line = labour::find(&txn, ticket.id, line_id).await.or_not_found("labour line")?;
    refuse_if_sealed(&ticket)?;
    if line.service_item_id.is_none() {
        may_price_freely(&me)?;
    }
    labour::delete(&txn, line.id).await?;
    let price = money_out(line.unit_price_minor, &line.currency);
    let event = events::NewEvent {
        field: Some("labour"),
        from_value: Some(line.code.clone()),
        note: Some(format!("{} × {} at {} {}", line.quantity, line.description, price.amount, price.currency)),
        ..events::NewEvent::kind("labour_removed")
    };
    events::append(&txn, ticket.id, Some(me.user_id), now, event).await?;
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "ticket.labour_remove",
            entity: ENTITY,
            entity_id: line.id,
            branch_id: Some(ticket.branch_id),
            before: snapshot(&labour_line_out(&line)?),
            after: None,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
