//! The ticket counts the dashboard shows, within a part of the network: tickets not
//! closed by stage and kind and unassigned ones (from the counts that triggers keep
//! as tickets change, migration 23), and appointments in a span (counted in the
//! database, never by loading the rows). Overdue callbacks and
//! old parts are counted by their own modules (`callbacks::count`,
//! `defective_parts::count`).
use aftersales_domain::organisation::BranchScope;
use aftersales_domain::tickets::{StageCategory, TicketKind};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect,
};
use uuid::Uuid;

use super::dispatch::names;
use crate::StoreError;
use crate::begin_write;
use crate::branches::branches_in;
use crate::entities::{branches, ticket_open_counts, tickets};

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

/// The changes to the open-ticket counts of the branches within `scope` (and of
/// `branch_id`, when given); see `entities::ticket_open_counts`.
fn open_counts_in(scope: &BranchScope, branch_id: Option<Uuid>) -> sea_orm::Select<ticket_open_counts::Entity> {
    use ticket_open_counts::Column;
    let mut query = ticket_open_counts::Entity::find().filter(Column::BranchId.in_subquery(branches_in(scope)));
    if let Some(branch) = branch_id {
        query = query.filter(Column::BranchId.eq(branch));
    }
    query
}

/// A key's count: the sum of its changes, as a BIGINT (PostgreSQL sums BIGINTs
/// into NUMERIC).
fn summed() -> sea_orm::sea_query::SimpleExpr {
    Expr::cust("CAST(SUM(delta) AS BIGINT)")
}

/// Tickets not closed counted per stage and kind, the fullest first. Read from the
/// counts the triggers keep, not from the tickets.
pub async fn open_by_stage(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    branch_id: Option<Uuid>,
) -> Result<Vec<StageCount>, StoreError> {
    use ticket_open_counts::Column;
    let rows: Vec<(String, String, String, i64)> = open_counts_in(scope, branch_id)
        .select_only()
        .column(Column::Stage)
        .column(Column::StageCategory)
        .column(Column::Kind)
        .column_as(summed(), "count")
        .group_by(Column::Stage)
        .group_by(Column::StageCategory)
        .group_by(Column::Kind)
        .having(Expr::cust("SUM(delta) <> 0"))
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
                count: u64::try_from(count).map_err(|_| corrupt("open count", &count.to_string()))?,
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
    use ticket_open_counts::Column;
    let count: Option<Option<i64>> = open_counts_in(scope, branch_id)
        .select_only()
        .column_as(summed(), "count")
        .filter(Column::Unassigned.eq(true))
        .filter(Column::StageCategory.is_in(names(&StageCategory::TO_BE_WORKED_ON)))
        .into_tuple()
        .one(db)
        .await?;
    let count = count.flatten().unwrap_or(0);
    u64::try_from(count).map_err(|_| StoreError::Corrupt(format!("unassigned ticket count {count}")))
}

/// Replaces the changes to each open-ticket count by their sum, so the dashboard
/// reads a few rows per branch and stage however many tickets have moved. Safe
/// beside writers and beside another fold: it sums exactly the rows it deletes.
pub async fn fold_open_counts(db: &DatabaseConnection) -> Result<(), StoreError> {
    const COLUMNS: &str = "branch_id, stage, stage_category, kind, unassigned";
    // Most passes find every key already one row: they read a few hundred rows and
    // leave, instead of taking SQLite's write lock or leaving dead rows on PostgreSQL.
    let unfolded = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            format!(
                "SELECT 1 FROM ticket_open_counts GROUP BY {COLUMNS} HAVING COUNT(*) > 1 OR SUM(delta) = 0 LIMIT 1"
            ),
        ))
        .await?;
    if unfolded.is_none() {
        return Ok(());
    }
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        // One statement, one snapshot: the rows deleted are the rows summed, and a
        // row a writer has not committed yet is neither.
        db.execute_unprepared(&format!(
            "WITH folded AS (DELETE FROM ticket_open_counts RETURNING {COLUMNS}, delta) \
             INSERT INTO ticket_open_counts ({COLUMNS}, delta) \
             SELECT {COLUMNS}, SUM(delta) FROM folded GROUP BY {COLUMNS} HAVING SUM(delta) <> 0"
        ))
        .await?;
        return Ok(());
    }
    // SQLite: the write lock keeps every writer out between the two statements.
    let txn = begin_write(db).await?;
    let last: Option<Option<i64>> = ticket_open_counts::Entity::find()
        .select_only()
        .column_as(Expr::cust("MAX(id)"), "last")
        .into_tuple()
        .one(&txn)
        .await?;
    let Some(last) = last.flatten() else { return Ok(txn.commit().await?) };
    txn.execute_unprepared(&format!(
        "INSERT INTO ticket_open_counts ({COLUMNS}, delta) \
         SELECT {COLUMNS}, SUM(delta) FROM ticket_open_counts WHERE id <= {last} \
         GROUP BY {COLUMNS} HAVING SUM(delta) <> 0; \
         DELETE FROM ticket_open_counts WHERE id <= {last}"
    ))
    .await?;
    Ok(txn.commit().await?)
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
