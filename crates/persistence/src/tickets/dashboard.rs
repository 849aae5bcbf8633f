//! The ticket counts the dashboard shows, within a part of the network: tickets not
//! closed by stage and kind, unassigned ones, and appointments in a span. Counted in
//! the database (GROUP BY / COUNT), never by loading the rows. Overdue callbacks and
//! old parts are counted by their own modules (`callbacks::count`,
//! `defective_parts::count`).
use aftersales_domain::organisation::BranchScope;
use aftersales_domain::tickets::{StageCategory, TicketKind};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use super::dispatch::names;
use crate::StoreError;
use crate::branches::branches_in;
use crate::entities::{branches, tickets};

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
    pub stage_category: StageCategory,
    pub kind: TicketKind,
    pub count: u64,
}

/// `stage_category <> 'closed'`, in the words of the partial index of open tickets
/// (`ix_tickets_not_closed`), so that the planner may use it.
fn not_closed() -> sea_orm::sea_query::SimpleExpr {
    tickets::Column::StageCategory.ne(StageCategory::Closed.as_str())
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
        // COUNT(*), not COUNT(id): the partial index holds every column the query
        // reads, so it is answered from the index alone (15 ms → 3 ms at 100,000
        // tickets); the id would send it to every row.
        .column_as(Expr::cust("COUNT(*)"), "count")
        .filter(tickets_in(scope, branch_id))
        .filter(not_closed())
        .group_by(tickets::Column::Stage)
        .group_by(tickets::Column::StageCategory)
        .group_by(tickets::Column::Kind)
        .into_tuple()
        .all(db)
        .await?;
    let corrupt = |what: &str, value: &str| StoreError::Corrupt(format!("ticket {what} `{value}`"));
    let mut counts = rows
        .into_iter()
        .map(|(stage, stage_category, kind, count)| {
            Ok(StageCount {
                stage,
                stage_category: StageCategory::parse(&stage_category)
                    .ok_or_else(|| corrupt("stage category", &stage_category))?,
                kind: TicketKind::parse(&kind).ok_or_else(|| corrupt("kind", &kind))?,
                count: u64::try_from(count).unwrap_or(0),
            })
        })
        .collect::<Result<Vec<StageCount>, StoreError>>()?;
    counts.sort_by(|a, b| {
        b.count.cmp(&a.count).then_with(|| a.stage.cmp(&b.stage)).then_with(|| a.kind.as_str().cmp(b.kind.as_str()))
    });
    Ok(counts)
}

/// Tickets within the scope still to be worked on that nobody is assigned to.
pub async fn unassigned(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    branch_id: Option<Uuid>,
) -> Result<u64, StoreError> {
    Ok(tickets::Entity::find()
        .filter(tickets_in(scope, branch_id))
        .filter(super::list::unassigned())
        .filter(tickets::Column::StageCategory.is_in(names(&StageCategory::TO_BE_WORKED_ON)))
        .filter(not_closed())
        .count(db)
        .await?)
}

/// The time zones of the branches within the scope (of `branch_id`, when given):
/// "today" is counted once per zone, not once per branch.
pub async fn time_zones(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    branch_id: Option<Uuid>,
) -> Result<Vec<String>, StoreError> {
    let mut query = branches::Entity::find()
        .select_only()
        .column(branches::Column::TimeZone)
        .distinct()
        .filter(branches::Column::Path.starts_with(&scope.path));
    if let Some(branch) = branch_id {
        query = query.filter(branches::Column::Id.eq(branch));
    }
    Ok(query.into_tuple().all(db).await?)
}

/// Tickets that are not closed, with a technician and an appointment starting in
/// `[from, to)`, of the branches within the scope (and `branch_id`) in `time_zone`:
/// the day's dispatches when the span is a day there.
pub async fn appointments_between(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    branch_id: Option<Uuid>,
    time_zone: &str,
    (from, to): (DateTime<Utc>, DateTime<Utc>),
) -> Result<u64, StoreError> {
    let in_zone = branches_in(scope).and_where(Expr::col(branches::Column::TimeZone).eq(time_zone)).to_owned();
    Ok(tickets::Entity::find()
        .filter(tickets_in(scope, branch_id))
        .filter(tickets::Column::BranchId.in_subquery(in_zone))
        .filter(tickets::Column::TechnicianId.is_not_null())
        .filter(tickets::Column::AppointmentFrom.gte(from))
        .filter(tickets::Column::AppointmentFrom.lt(to))
        .filter(not_closed())
        .count(db)
        .await?)
}
