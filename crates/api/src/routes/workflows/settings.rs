use actix_web::{HttpResponse, get, put, web};
use aftersales_api_types::tickets::TicketSettings;
use aftersales_persistence::{begin_write, settings};
use chrono::Utc;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::state::AppState;

fn out(s: settings::TicketSettings) -> TicketSettings {
    TicketSettings {
        repeat_repair_days: s.repeat_repair_days,
        technician_daily_jobs: s.technician_daily_jobs,
        callback_due_hours: s.callback_due_hours,
        defective_return_days: s.defective_return_days,
    }
}

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
    _: Authorized<need::ViewTickets>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(out(settings::tickets(&state.db).await?)))
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
    let txn = begin_write(&state.db).await?;
    let before = settings::tickets(&txn).await?;
    let after = settings::TicketSettings {
        repeat_repair_days: body.repeat_repair_days,
        technician_daily_jobs: body.technician_daily_jobs,
        callback_due_hours: body.callback_due_hours,
        defective_return_days: body.defective_return_days,
    };
    settings::put_tickets(&txn, after, Utc::now()).await?;
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "settings.tickets.update",
            entity: "settings",
            entity_id: uuid::Uuid::nil(),
            branch_id: None,
            before: snapshot(&out(before)),
            after: snapshot(&out(after)),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(out(after)))
}
