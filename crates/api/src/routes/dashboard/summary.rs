use actix_web::{HttpResponse, get, web};
use aftersales_api_types::dashboard::{Dashboard, DashboardQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::dashboard::summary::summary;

/// The dashboard of your part of the network, or of one branch in it.
///
/// Tickets not closed per stage and kind, those waiting for a technician, today's
/// appointments (today in each branch's own time zone), callbacks pending past their
/// due time and old parts technicians owe past theirs.
#[utoipa::path(
    get, path = "/api/v1/dashboard", tag = "tickets", operation_id = "dashboard",
    security(("bearer" = [])),
    params(DashboardQuery),
    responses((status = 200, description = "The counts", body = Dashboard))
)]
#[get("/api/v1/dashboard")]
pub async fn dashboard(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewTickets>,
    ValidatedQuery(query): ValidatedQuery<DashboardQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(summary(&state.db, &me, query).await?))
}
