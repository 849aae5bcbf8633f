use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::tickets::NextStep;
use uuid::Uuid;

use crate::auth::{StaffOrPartner, need};
use crate::error::ApiError;
use crate::state::AppState;
use crate::use_cases::tickets::next_steps::next_steps;

/// Where the ticket can go from its stage, and what each step still lacks.
///
/// `note_given` is shown as not holding: it is satisfied by the note sent with the step.
#[utoipa::path(
    get, path = "/api/v1/tickets/{id}/transitions", tag = "tickets", operation_id = "ticket_next_steps",
    security(("bearer" = []), ("api_key" = [])),
    params(("id" = Uuid, Path, description = "Ticket id")),
    responses(
        (status = 200, description = "The steps out of the current stage", body = Vec<NextStep>),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/tickets/{id}/transitions")]
pub async fn ticket_next_steps(
    state: web::Data<AppState>,
    StaffOrPartner(me, ..): StaffOrPartner<need::ViewTickets>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(next_steps(&state.db, &me, *id).await?))
}
