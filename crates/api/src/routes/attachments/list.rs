use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::attachments::AttachmentDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::state::AppState;
use crate::use_cases::attachments::list::list;

/// The files attached to a ticket, oldest first.
#[utoipa::path(
    get, path = "/api/v1/tickets/{id}/attachments", tag = "tickets", operation_id = "list_ticket_attachments",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id")),
    responses(
        (status = 200, description = "Attachments, oldest first", body = Vec<AttachmentDto>),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/tickets/{id}/attachments")]
pub async fn list_ticket_attachments(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewTickets>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(list(&state.db, &me, *id).await?))
}
