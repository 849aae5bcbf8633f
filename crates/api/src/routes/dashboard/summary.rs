use actix_web::{HttpResponse, get, web};
use aftersales_api_types::dashboard::{Dashboard, DashboardQuery, StageTally};
use aftersales_domain::organisation::BranchScope;
use aftersales_domain::regional::{local_date, local_day_bounds};
use aftersales_persistence::defective_parts::{self, DefectiveFilter};
use aftersales_persistence::tickets::callbacks::{self, CallbackFilter};
use aftersales_persistence::tickets::dashboard as counts;
use aftersales_persistence::{DatabaseConnection, StoreError, branches};
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::tickets::wire_enum;

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
    let now = Utc::now();
    let db = &state.db;
    let branch_id = query.branch_id;
    if let Some(id) = branch_id {
        match branches::find_in_scope(db, &me.scope, id).await {
            Ok(_) => {}
            Err(StoreError::NotFound) => {
                return Err(ApiError::field(
                    "branch_id",
                    "unknown_branch",
                    "no such branch in your part of the network",
                ));
            }
            Err(e) => return Err(e.into()),
        }
    }
    let open = counts::open_by_stage(db, &me.scope, branch_id)
        .await?
        .into_iter()
        .map(|c| {
            Ok(StageTally {
                stage: c.stage,
                stage_category: wire_enum(&c.stage_category)?,
                kind: wire_enum(&c.kind)?,
                count: c.count,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    let overdue_callbacks = CallbackFilter { overdue: Some(true), branch_id, ..CallbackFilter::default() };
    let overdue_parts = DefectiveFilter { overdue: Some(true), branch_id, ..DefectiveFilter::default() };
    Ok(HttpResponse::Ok().json(Dashboard {
        branch_id,
        counted_at: now,
        open_total: open.iter().map(|t| t.count).sum(),
        open,
        unassigned: counts::unassigned(db, &me.scope, branch_id).await?,
        dispatched_today: dispatched_today(db, &me.scope, branch_id, now).await?,
        overdue_callbacks: callbacks::count(db, &me.scope, &overdue_callbacks, now).await?,
        overdue_defective_returns: defective_parts::count(db, &me.scope, &overdue_parts, now).await?,
    }))
}

/// Appointments starting today, where "today" is each branch's own local day:
/// one count per time zone among the branches covered.
async fn dispatched_today(
    db: &DatabaseConnection,
    scope: &BranchScope,
    branch_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<u64, ApiError> {
    let mut total = 0;
    for zone in counts::time_zones(db, scope, branch_id).await? {
        // A zone the calendar does not know counts in UTC, as dispatch does.
        let today = local_date(&zone, now).unwrap_or_else(|| now.date_naive());
        let Some(span) = local_day_bounds(&zone, today).or_else(|| local_day_bounds("UTC", today)) else {
            continue;
        };
        total += counts::appointments_between(db, scope, branch_id, &zone, span).await?;
    }
    Ok(total)
}
