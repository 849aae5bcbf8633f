//! The dashboard's counts of the caller's part of the network, or of one branch in it.
use aftersales_api_types::dashboard::{Dashboard, DashboardQuery, StageTally};
use aftersales_domain::organisation::BranchScope;
use aftersales_domain::regional::{local_date, local_day_bounds};
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::defective_parts::{self, DefectiveFilter};
use aftersales_persistence::tickets::callbacks::{self, CallbackFilter};
use aftersales_persistence::tickets::dashboard as counts;
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::use_cases::access::ensure_branch_in_scope;
use crate::use_cases::tickets::convert::ToWire;

/// Tickets not closed per stage and kind, those waiting for a technician, today's
/// appointments (today in each branch's own time zone), callbacks pending past
/// their due time and old parts technicians owe past theirs.
pub async fn summary(db: &DatabaseConnection, me: &Principal, query: DashboardQuery) -> Result<Dashboard, ApiError> {
    let now = Utc::now();
    let branch_id = query.branch_id;
    if let Some(id) = branch_id {
        ensure_branch_in_scope(db, &me.scope, id).await?;
    }
    let open: Vec<StageTally> = counts::open_by_stage(db, &me.scope, branch_id)
        .await?
        .into_iter()
        .map(|c| StageTally {
            stage: c.stage,
            stage_category: c.stage_category.to_wire(),
            kind: c.kind.to_wire(),
            count: c.count,
        })
        .collect();
    let overdue_callbacks = CallbackFilter { overdue: Some(true), branch_id, ..CallbackFilter::default() };
    let overdue_parts = DefectiveFilter { overdue: Some(true), branch_id, ..DefectiveFilter::default() };
    Ok(Dashboard {
        branch_id,
        counted_at: now,
        open_total: open.iter().map(|t| t.count).sum(),
        open,
        unassigned: counts::unassigned(db, &me.scope, branch_id).await?,
        dispatched_today: dispatched_today(db, &me.scope, branch_id, now).await?,
        overdue_callbacks: callbacks::count(db, &me.scope, &overdue_callbacks, now).await?,
        overdue_defective_returns: defective_parts::count(db, &me.scope, &overdue_parts, now).await?,
    })
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
