use std::collections::BTreeMap;

use actix_web::{HttpResponse, get, web};
use aftersales_api_types::dashboard::{Dashboard, DashboardQuery, StageTally};
use aftersales_domain::organisation::{Branch, BranchScope};
use aftersales_persistence::branches::{self, BranchFilter};
use aftersales_persistence::tickets::dashboard as counts;
use aftersales_persistence::{DatabaseConnection, StoreError};
use chrono::{DateTime, Utc};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::tickets::dispatch::{day_at, day_span};
use crate::tickets::wire_enum;

/// Branches one dashboard covers at most (the whole network of a large company).
const MAX_BRANCHES: u32 = 10_000;

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
    let covered = branches_covered(db, &me.scope, query).await?;
    let open = counts::open_by_stage(db, &me.scope, query.branch_id)
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
    Ok(HttpResponse::Ok().json(Dashboard {
        branch_id: query.branch_id,
        counted_at: now,
        open_total: open.iter().map(|t| t.count).sum(),
        open,
        unassigned: counts::unassigned(db, &me.scope, query.branch_id).await?,
        dispatched_today: dispatched_today(db, &covered, now).await?,
        overdue_callbacks: counts::overdue_callbacks(db, &me.scope, query.branch_id, now).await?,
        overdue_defective_returns: counts::overdue_defective_returns(db, &me.scope, query.branch_id, now).await?,
    }))
}

/// The asked-for branch (422 naming `branch_id` outside the scope), or every branch in it.
async fn branches_covered(
    db: &DatabaseConnection,
    scope: &BranchScope,
    query: DashboardQuery,
) -> Result<Vec<Branch>, ApiError> {
    match query.branch_id {
        Some(id) => match branches::find_in_scope(db, scope, id).await {
            Ok(branch) => Ok(vec![branch]),
            Err(StoreError::NotFound) => {
                Err(ApiError::field("branch_id", "unknown_branch", "no such branch in your part of the network"))
            }
            Err(e) => Err(e.into()),
        },
        None => {
            let all = BranchFilter { parent_id: None, q: None, after_code: None, limit: MAX_BRANCHES };
            Ok(branches::list(db, scope, all).await?)
        }
    }
}

/// Appointments starting today, where "today" is each branch's own local day:
/// one count per time zone among the branches.
async fn dispatched_today(db: &DatabaseConnection, covered: &[Branch], now: DateTime<Utc>) -> Result<u64, ApiError> {
    let mut by_zone: BTreeMap<&str, Vec<&Branch>> = BTreeMap::new();
    for branch in covered {
        by_zone.entry(branch.time_zone.as_str()).or_default().push(branch);
    }
    let mut total = 0;
    for branches in by_zone.values() {
        let Some(first) = branches.first() else { continue };
        let (from, to) = day_span(first, day_at(first, now))?;
        let ids: Vec<_> = branches.iter().map(|b| b.id).collect();
        total += counts::appointments_between(db, &ids, from, to).await?;
    }
    Ok(total)
}
