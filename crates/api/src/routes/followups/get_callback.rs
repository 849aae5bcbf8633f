use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::followups::CallbackDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::state::AppState;
use crate::use_cases::followups::get_callback::get;

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
    Ok(HttpResponse::Ok().json(get(&state.db, &me, *id).await?))
}
