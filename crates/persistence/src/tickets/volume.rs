//! The ticket-volume report's sums: per branch and month, tickets received (by
//! kind, under warranty, repeat repairs) and tickets closed (with the time they
//! took). Counted by the database (GROUP BY); a month is a window of instants in
//! its branch's time zone, so one query runs per time zone, each ticket placed in
//! its month by a CASE over the month boundaries.
use aftersales_domain::organisation::BranchScope;
use aftersales_domain::tickets::{TicketKind, WarrantyStatus};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Alias, CaseStatement, Expr, ExprTrait, Func, Order, Query, SelectStatement};
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

/// The time zones of the branches the report covers.
pub async fn time_zones(db: &impl ConnectionTrait, filter: &VolumeFilter) -> Result<Vec<String>, StoreError> {
    let q = Query::select()
        .distinct()
        .column(B::TimeZone)
        .from(Branches)
        .and_where(Expr::col(B::Id).in_subquery(branches_of(filter, None)))
        .order_by(B::TimeZone, Order::Asc)
        .to_owned();
    db.query_all(&q).await?.iter().map(|r| Ok(r.try_get::<String>("", "time_zone")?)).collect()
}

/// Tickets received per branch, month and kind, in one time zone's branches.
pub async fn received(
    db: &impl ConnectionTrait,
    filter: &VolumeFilter,
    zone: &ZoneMonths,
) -> Result<Vec<Received>, StoreError> {
    let Some(mut q) = per_branch_month(filter, zone, T::CreatedAt) else { return Ok(Vec::new()) };
    let covered = Expr::col((Tickets, T::WarrantyStatus))
        .is_in([WarrantyStatus::Covered.as_str(), WarrantyStatus::Partial.as_str()]);
    q.expr_as(Expr::col((Tickets, T::Kind)), "kind")
        .expr_as(Func::count(Expr::col((Tickets, T::Id))), "count")
        .expr_as(count_where(covered), "under_warranty")
        .expr_as(count_where(Expr::col((Tickets, T::FlagRepeatRepair)).eq(true)), "repeat_repairs")
        .group_by_col((Tickets, T::Kind));
    db.query_all(&q)
        .await?
        .iter()
        .map(|r| {
            let kind: String = r.try_get("", "kind")?;
            Ok(Received {
                branch: read_branch(r)?,
                month: read_month(r)?,
                kind: TicketKind::parse(&kind).ok_or_else(|| StoreError::Corrupt(format!("ticket kind `{kind}`")))?,
                count: r.try_get("", "count")?,
                under_warranty: r.try_get("", "under_warranty")?,
                repeat_repairs: r.try_get("", "repeat_repairs")?,
            })
        })
        .collect()
}

/// Tickets closed per branch and month, in one time zone's branches.
pub async fn closed(
    db: &impl ConnectionTrait,
    filter: &VolumeFilter,
    zone: &ZoneMonths,
) -> Result<Vec<Closed>, StoreError> {
    let Some(mut q) = per_branch_month(filter, zone, T::ClosedAt) else { return Ok(Vec::new()) };
    let took = match db.get_database_backend() {
        DbBackend::Postgres => {
            "CAST(SUM(EXTRACT(EPOCH FROM (tickets.closed_at - tickets.created_at))) AS DOUBLE PRECISION)"
        }
        _ => "CAST(SUM((julianday(tickets.closed_at) - julianday(tickets.created_at)) * 86400.0) AS REAL)",
    };
    q.expr_as(Func::count(Expr::col((Tickets, T::Id))), "count").expr_as(Expr::cust(took), "total_seconds");
    db.query_all(&q)
        .await?
        .iter()
        .map(|r| {
            Ok(Closed {
                branch: read_branch(r)?,
                month: read_month(r)?,
                count: r.try_get("", "count")?,
                total_seconds: r.try_get::<Option<f64>>("", "total_seconds")?.unwrap_or(0.0),
            })
        })
        .collect()
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

/// Tickets of the zone's branches whose `at` falls in one of its months, grouped
/// by branch and month (the month's index as `month`); `None` without months.
fn per_branch_month(filter: &VolumeFilter, zone: &ZoneMonths, at: T) -> Option<SelectStatement> {
    let (first, last) = (zone.bounds.first()?, zone.bounds.last()?);
    if zone.bounds.len() < 2 {
        return None;
    }
    let when = || Expr::col((Tickets, at));
    // The first boundary the instant is before names its month (a CASE needs a WHEN).
    let inner = &zone.bounds[1..zone.bounds.len() - 1];
    let last_month = Expr::val(inner.len() as i64);
    let month: Expr = if inner.is_empty() {
        last_month
    } else {
        inner
            .iter()
            .enumerate()
            .fold(CaseStatement::new(), |case, (i, end)| case.case(when().lt(*end), Expr::val(i as i64)))
            .finally(last_month)
            .into()
    };
    let mut q = Query::select();
    q.expr_as(Expr::col((Branches, B::Id)), "branch_id")
        .expr_as(Expr::col((Branches, B::Code)), "branch_code")
        .expr_as(Expr::col((Branches, B::Name)), "branch_name")
        .expr_as(month, "month")
        .from(Tickets)
        .inner_join(Branches, Expr::col((Branches, B::Id)).equals((Tickets, T::BranchId)))
        .and_where(Expr::col((Tickets, T::BranchId)).in_subquery(branches_of(filter, Some(&zone.time_zone))))
        .and_where(when().gte(*first))
        .and_where(when().lt(*last))
        .group_by_columns([(Branches, B::Id), (Branches, B::Code), (Branches, B::Name)])
        .group_by_col(Alias::new("month"));
    Some(q)
}

/// `CAST(SUM(CASE WHEN condition THEN 1 ELSE 0 END) AS BIGINT)`.
fn count_where(condition: Expr) -> Expr {
    Func::cast_as(Func::sum(Expr::case(condition, 1).finally(0)), Alias::new("BIGINT")).into()
}

fn read_branch(r: &QueryResult) -> Result<BranchName, StoreError> {
    Ok(BranchName {
        id: r.try_get("", "branch_id")?,
        code: r.try_get("", "branch_code")?,
        name: r.try_get("", "branch_name")?,
    })
}

fn read_month(r: &QueryResult) -> Result<usize, StoreError> {
    let month: i64 = r.try_get("", "month")?;
    usize::try_from(month).map_err(|_| StoreError::Corrupt(format!("report month {month}")))
}
