//! The counts the dashboard shows, within a part of the network: tickets not closed
//! by stage and kind, unassigned ones, appointments in a span, overdue callbacks and overdue old parts.
//! Counted in the database (GROUP BY / COUNT), never by loading the rows.
use aftersales_domain::organisation::BranchScope;
use aftersales_domain::stock::ticket_parts::DefectiveStatus;
use aftersales_domain::tickets::StageCategory;
use aftersales_domain::tickets::callback::CallbackStatus;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use crate::StoreError;
use crate::branches::branches_in;
use crate::entities::{defective_parts, ticket_callbacks, tickets};

/// Stage categories of tickets still to be worked on.
const NOT_FINISHED: [StageCategory; 3] = [StageCategory::Open, StageCategory::InProgress, StageCategory::Waiting];

fn not_finished() -> Vec<&'static str> {
    NOT_FINISHED.iter().map(|c| c.as_str()).collect()
}

/// Tickets of the branches within `scope` (and of `branch_id`, when given).
fn tickets_in(scope: &BranchScope, branch_id: Option<Uuid>) -> sea_orm::Condition {
    let mut c = sea_orm::Condition::all().add(tickets::Column::BranchId.in_subquery(branches_in(scope)));
    if let Some(branch) = branch_id {
        c = c.add(tickets::Column::BranchId.eq(branch));
    }
    c
}

/// How many tickets not closed sit in one stage, of one kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageCount {
    pub stage: String,
    pub stage_category: String,
    pub kind: String,
    pub count: u64,
}

/// Tickets not closed counted per stage and kind, the fullest first.
pub async fn open_by_stage(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    branch_id: Option<Uuid>,
) -> Result<Vec<StageCount>, StoreError> {
    let rows: Vec<(String, String, String, i64)> = tickets::Entity::find()
        .select_only()
        .column(tickets::Column::Stage)
        .column(tickets::Column::StageCategory)
        .column(tickets::Column::Kind)
        .column_as(tickets::Column::Id.count(), "count")
        .filter(tickets_in(scope, branch_id))
        .filter(tickets::Column::StageCategory.ne(StageCategory::Closed.as_str()))
        .group_by(tickets::Column::Stage)
        .group_by(tickets::Column::StageCategory)
        .group_by(tickets::Column::Kind)
        .into_tuple()
        .all(db)
        .await?;
    let mut counts: Vec<StageCount> = rows
        .into_iter()
        .map(|(stage, stage_category, kind, count)| StageCount {
            stage,
            stage_category,
            kind,
            count: u64::try_from(count).unwrap_or(0),
        })
        .collect();
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.stage.cmp(&b.stage)).then_with(|| a.kind.cmp(&b.kind)));
    Ok(counts)
}

/// Unfinished tickets within the scope nobody is assigned to.
pub async fn unassigned(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    branch_id: Option<Uuid>,
) -> Result<u64, StoreError> {
    Ok(tickets::Entity::find()
        .filter(tickets_in(scope, branch_id))
        .filter(tickets::Column::TechnicianId.is_null())
        .filter(tickets::Column::StageCategory.is_in(not_finished()))
        .count(db)
        .await?)
}

/// Tickets of `branch_ids` that are not closed with an appointment starting in
/// `[from, to)`: the day's dispatches when the span is a day of those branches.
pub async fn appointments_between(
    db: &impl ConnectionTrait,
    branch_ids: &[Uuid],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<u64, StoreError> {
    if branch_ids.is_empty() {
        return Ok(0);
    }
    Ok(tickets::Entity::find()
        .filter(tickets::Column::BranchId.is_in(branch_ids.iter().copied()))
        .filter(tickets::Column::TechnicianId.is_not_null())
        .filter(tickets::Column::AppointmentFrom.gte(from))
        .filter(tickets::Column::AppointmentFrom.lt(to))
        .filter(tickets::Column::StageCategory.ne(StageCategory::Closed.as_str()))
        .count(db)
        .await?)
}

/// Callbacks still pending past their due time, on tickets within the scope.
pub async fn overdue_callbacks(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    branch_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let mut in_scope = Query::select()
        .column(tickets::Column::Id)
        .from(tickets::Entity)
        .and_where(Expr::col(tickets::Column::BranchId).in_subquery(branches_in(scope)))
        .to_owned();
    if let Some(branch) = branch_id {
        in_scope.and_where(Expr::col(tickets::Column::BranchId).eq(branch));
    }
    Ok(ticket_callbacks::Entity::find()
        .filter(ticket_callbacks::Column::TicketId.in_subquery(in_scope))
        .filter(ticket_callbacks::Column::Status.eq(CallbackStatus::Pending.as_str()))
        .filter(ticket_callbacks::Column::DueAt.lt(now))
        .count(db)
        .await?)
}

/// Old parts technicians still owe past their due time, within the scope.
pub async fn overdue_defective_returns(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    branch_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let mut query = defective_parts::Entity::find()
        .filter(defective_parts::Column::BranchId.in_subquery(branches_in(scope)))
        .filter(defective_parts::Column::Status.eq(DefectiveStatus::Owed.as_str()))
        .filter(defective_parts::Column::DueAt.lt(now));
    if let Some(branch) = branch_id {
        query = query.filter(defective_parts::Column::BranchId.eq(branch));
    }
    Ok(query.count(db).await?)
}
