use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::followups::CallbackDto;
use aftersales_persistence::tickets::callbacks;
use chrono::Utc;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::state::AppState;
use crate::use_cases::access::ticket_in_scope;
use crate::use_cases::followups::callback_out;

/// The ticket's callback task: created when the work is completed.
#[utoipa::path(
    get, path = "/api/v1/tickets/{id}/callback", tag = "followups", operation_id = "get_ticket_callback",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id")),
    responses(
        (status = 200, description = "The callback task", body = CallbackDto),
        (status = 404, description = "No such ticket in your part of the network, or it has no callback task (yet)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/tickets/{id}/callback")]
pub async fn get_ticket_callback(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewTickets>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let ticket = ticket_in_scope(&state.db, &me, *id).await?;
    let callback = callbacks::of_ticket(&state.db, ticket.id).await?.ok_or_else(|| ApiError::not_found("callback"))?;
    Ok(HttpResponse::Ok().json(callback_out(&callback, &ticket.number, ticket.branch_id, Utc::now())?))
}
