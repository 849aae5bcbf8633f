//! The ticket-volume report's sums: per branch and month, tickets received (by
//! kind, under warranty, repeat repairs) and tickets closed (with the time they
//! took). Counted by the database (GROUP BY); a month is a window of instants in
//! its branch's time zone, so the queries run per time zone and month.
use std::collections::{BTreeMap, HashMap};

use aftersales_domain::organisation::BranchScope;
use aftersales_domain::tickets::{TicketKind, WarrantyStatus};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, Query, SelectStatement};
use sea_orm::{ConnectionTrait, DbBackend, QueryResult};
use uuid::Uuid;

use crate::StoreError;
use crate::branches::branches_in;
use crate::entities::branches::{Column as B, Entity as Branches};
use crate::entities::tickets::{Column as T, Entity as Tickets};

/// The months of a report in one time zone: month `i` runs from `bounds[i]` up to
/// (not including) `bounds[i + 1]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneMonths {
    pub time_zone: String,
    pub bounds: Vec<DateTime<Utc>>,
}

/// Which branches: those in `scope`, or only `branch_id` (already checked to lie in it).
#[derive(Debug, Clone)]
pub struct VolumeFilter {
    pub scope: BranchScope,
    pub branch_id: Option<Uuid>,
}

/// A branch as the report names it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct BranchName {
    pub code: String,
    pub id: Uuid,
    pub name: String,
}

/// Tickets of one kind received at a branch in a month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    pub branch: BranchName,
    pub month: usize,
    pub kind: TicketKind,
    pub count: i64,
    /// Decided covered in full or in part when taken in.
    pub under_warranty: i64,
    pub repeat_repairs: i64,
}

/// Tickets a branch closed in a month.
#[derive(Debug, Clone, PartialEq)]
pub struct Closed {
    pub branch: BranchName,
    pub month: usize,
    pub count: i64,
    /// From taking in to closing, summed over those tickets.
    pub total_seconds: f64,
}

/// The branches the report covers, by time zone: their names by id, in one
/// statement (the zones and the names each query's rows are read by).
pub async fn branches_by_zone(
    db: &impl ConnectionTrait,
    filter: &VolumeFilter,
) -> Result<BTreeMap<String, HashMap<Uuid, BranchName>>, StoreError> {
    let q = Query::select()
        .columns([B::Id, B::Code, B::Name, B::TimeZone])
        .from(Branches)
        .and_where(Expr::col(B::Id).in_subquery(branches_of(filter, None)))
        .to_owned();
    let mut zones: BTreeMap<String, HashMap<Uuid, BranchName>> = BTreeMap::new();
    for r in db.query_all(&q).await? {
        let branch =
            BranchName { id: r.try_get("", "id")?, code: r.try_get("", "code")?, name: r.try_get("", "name")? };
        zones.entry(r.try_get("", "time_zone")?).or_default().insert(branch.id, branch);
    }
    Ok(zones)
}

/// Tickets received per branch, month and kind, in one time zone's branches.
/// `names`: the zone's branches, from [`branches_by_zone`].
pub async fn received(
    db: &impl ConnectionTrait,
    filter: &VolumeFilter,
    zone: &ZoneMonths,
    names: &HashMap<Uuid, BranchName>,
) -> Result<Vec<Received>, StoreError> {
    let covered = Expr::col((Tickets, T::WarrantyStatus))
        .is_in([WarrantyStatus::Covered.as_str(), WarrantyStatus::Partial.as_str()]);
    let mut found = Vec::new();
    for (month, span) in zone.bounds.windows(2).enumerate() {
        let mut q = per_branch(filter, &zone.time_zone, T::CreatedAt, span);
        q.expr_as(Expr::col((Tickets, T::Kind)), "kind")
            .expr_as(count_all(), "count")
            .expr_as(count_where(covered.clone()), "under_warranty")
            .expr_as(count_where(Expr::col((Tickets, T::FlagRepeatRepair)).eq(true)), "repeat_repairs")
            .group_by_col((Tickets, T::Kind));
        for r in db.query_all(&q).await? {
            let kind: String = r.try_get("", "kind")?;
            found.push(Received {
                branch: named(names, &r)?,
                month,
                kind: TicketKind::parse(&kind).ok_or_else(|| StoreError::Corrupt(format!("ticket kind `{kind}`")))?,
                count: r.try_get("", "count")?,
                under_warranty: r.try_get("", "under_warranty")?,
                repeat_repairs: r.try_get("", "repeat_repairs")?,
            });
        }
    }
    Ok(found)
}

/// Tickets closed per branch and month, in one time zone's branches.
/// `names`: the zone's branches, from [`branches_by_zone`].
pub async fn closed(
    db: &impl ConnectionTrait,
    filter: &VolumeFilter,
    zone: &ZoneMonths,
    names: &HashMap<Uuid, BranchName>,
) -> Result<Vec<Closed>, StoreError> {
    let took = match db.get_database_backend() {
        DbBackend::Postgres => {
            "CAST(SUM(EXTRACT(EPOCH FROM (tickets.closed_at - tickets.created_at))) AS DOUBLE PRECISION)"
        }
        _ => "CAST(SUM((julianday(tickets.closed_at) - julianday(tickets.created_at)) * 86400.0) AS REAL)",
    };
    let mut found = Vec::new();
    for (month, span) in zone.bounds.windows(2).enumerate() {
        let mut q = per_branch(filter, &zone.time_zone, T::ClosedAt, span);
        q.expr_as(count_all(), "count").expr_as(Expr::cust(took), "total_seconds");
        for r in db.query_all(&q).await? {
            found.push(Closed {
                branch: named(names, &r)?,
                month,
                count: r.try_get("", "count")?,
                total_seconds: r.try_get::<Option<f64>>("", "total_seconds")?.unwrap_or(0.0),
            });
        }
    }
    Ok(found)
}

/// Ids of the covered branches, optionally only those in one time zone.
fn branches_of(filter: &VolumeFilter, time_zone: Option<&str>) -> SelectStatement {
    let mut q = branches_in(&filter.scope);
    if let Some(id) = filter.branch_id {
        q.and_where(Expr::col(B::Id).eq(id));
    }
    if let Some(zone) = time_zone {
        q.and_where(Expr::col(B::TimeZone).eq(zone));
    }
    q
}

/// Tickets of the zone's branches whose `at` falls in `[from, to)`, grouped by
/// branch (as `branch_id`).
///
/// One query a month rather than one placing each ticket in its month with a
/// CASE over the boundaries: the range is then a plain walk of the index from
/// branch and instant, and the groups are few; the CASE made the year's report
/// twice as slow (185 against 90 ms at 100,000 tickets on SQLite).
fn per_branch(filter: &VolumeFilter, time_zone: &str, at: T, span: &[DateTime<Utc>]) -> SelectStatement {
    let mut q = Query::select();
    q.expr_as(Expr::col((Tickets, T::BranchId)), "branch_id")
        .from(Tickets)
        .and_where(Expr::col((Tickets, T::BranchId)).in_subquery(branches_of(filter, Some(time_zone))))
        .group_by_col((Tickets, T::BranchId));
    if let [from, to] = span {
        q.and_where(Expr::col((Tickets, at)).gte(*from)).and_where(Expr::col((Tickets, at)).lt(*to));
    }
    q
}

/// `COUNT(*)`, which the covering indexes answer without reading the tickets
/// (`COUNT(id)` would read each one for its id).
fn count_all() -> Expr {
    Expr::cust("COUNT(*)")
}

fn named(names: &HashMap<Uuid, BranchName>, r: &QueryResult) -> Result<BranchName, StoreError> {
    let id: Uuid = r.try_get("", "branch_id")?;
    names.get(&id).cloned().ok_or_else(|| StoreError::Corrupt(format!("report branch {id} outside its zone")))
}

/// `CAST(SUM(CASE WHEN condition THEN 1 ELSE 0 END) AS BIGINT)`.
fn count_where(condition: Expr) -> Expr {
    Func::cast_as(Func::sum(Expr::case(condition, 1).finally(0)), Alias::new("BIGINT")).into()
}
