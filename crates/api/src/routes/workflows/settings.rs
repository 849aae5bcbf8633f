use actix_web::{HttpResponse, get, put, web};
use aftersales_api_types::tickets::TicketSettings;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::workflows::change_ticket_settings::change_ticket_settings;
use crate::use_cases::workflows::ticket_settings::ticket_settings;

/// The ticket desk's settings: the repeat-repair window, a technician's daily job
/// limit, when callbacks fall due, and how long a technician has to hand in an old part.
#[utoipa::path(
    get, path = "/api/v1/settings/tickets", tag = "workflows", operation_id = "get_ticket_settings",
    security(("bearer" = [])),
    responses((status = 200, description = "The settings", body = TicketSettings))
)]
#[get("/api/v1/settings/tickets")]
pub async fn get_ticket_settings(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewTickets>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(ticket_settings(&state.db, &me).await?))
}

/// Change the ticket desk's settings (admins).
#[utoipa::path(
    put, path = "/api/v1/settings/tickets", tag = "workflows", operation_id = "put_ticket_settings",
    security(("bearer" = [])),
    request_body = TicketSettings,
    responses((status = 200, description = "Stored", body = TicketSettings))
)]
#[put("/api/v1/settings/tickets")]
pub async fn put_ticket_settings(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ConfigureTickets>,
    request_id: RequestId,
    ValidatedJson(body): ValidatedJson<TicketSettings>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(change_ticket_settings(&state.db, &Actor::once(me, request_id), body).await?))
}
