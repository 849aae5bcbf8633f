//! The reports, one file each (the stock reports over the warehouses of the
//! caller's branches, and the ticket-volume report over its tickets):
//! a `report` that answers it as JSON, and `sheets` that lay the same answer out
//! as an XLSX workbook (see `workbook`). Below, what they share: which warehouses
//! a report covers, the period, the line limit and how a line names its place.
pub mod below_reorder_point;
pub mod overdue_defective;
pub mod parts_used;
pub mod stock_movements;
pub mod stock_on_hand;
pub mod ticket_volume;
pub mod workbook;

use aftersales_api_types::stock_reports::StockReportPlace;
use aftersales_domain::stock::report::{Period, PeriodError};
use aftersales_persistence::stock_reports::{self, ReportFilter, WarehousePart, Window};
use aftersales_persistence::{ConnectionTrait, StoreError, branches};
use std::sync::LazyLock;

use chrono::NaiveDate;
use tokio::sync::{Semaphore, SemaphorePermit};
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::use_cases::stock::warehouse_in_scope;

/// Reports take turns: at most half the cores (at least one) run reports at once,
/// the others wait. A report over a year of a network's tickets keeps a core busy
/// for a tenth of a second or more; without turns, two people pulling reports took
/// both cores, and the desk's intake fell to 0.28 of its throughput alone (100,000
/// tickets, two cores). With them, intake keeps the other half of the machine.
static TURNS: LazyLock<Semaphore> =
    LazyLock::new(|| Semaphore::new(std::thread::available_parallelism().map_or(1, |n| (n.get() / 2).max(1))));

/// Waits for a report's turn; it lasts as long as the permit is held.
pub(crate) async fn take_turn() -> Result<SemaphorePermit<'static>, ApiError> {
    TURNS.acquire().await.map_err(|e| ApiError::Internal(anyhow::anyhow!("report turns closed: {e}")))
}

/// Lines a report answers at most; a larger one must be narrowed (409).
pub const MAX_LINES: usize = 50_000;

/// The rows a report query asks for: one more than allowed, to tell when there are too many.
pub(crate) const FETCH_LINES: u64 = MAX_LINES as u64 + 1;

/// The warehouses a report covers: the caller's branches', narrowed to `branch_id`
/// and/or `warehouse_id`, each of which must be in the caller's part of the
/// network (422 naming it otherwise).
pub(crate) async fn report_filter(
    db: &impl ConnectionTrait,
    me: &Principal,
    branch_id: Option<Uuid>,
    warehouse_id: Option<Uuid>,
) -> Result<ReportFilter, ApiError> {
    if let Some(id) = branch_id {
        branch_in_scope(db, me, id).await?;
    }
    if let Some(id) = warehouse_id {
        let warehouse = warehouse_in_scope(db, me, id, "warehouse_id").await?;
        if branch_id.is_some_and(|b| b != warehouse.branch_id) {
            return Err(ApiError::field("warehouse_id", "not_in_branch", "the warehouse belongs to another branch"));
        }
    }
    Ok(ReportFilter { scope: me.scope.clone(), branch_id, warehouse_id })
}

/// Refuses a `branch_id` outside the caller's part of the network (422 naming it).
pub(crate) async fn branch_in_scope(db: &impl ConnectionTrait, me: &Principal, id: Uuid) -> Result<(), ApiError> {
    match branches::find_in_scope(db, &me.scope, id).await {
        Err(StoreError::NotFound) => {
            Err(ApiError::field("branch_id", "unknown_branch", "no such branch in your part of the network"))
        }
        other => other.map(|_| ()).map_err(Into::into),
    }
}

/// The period `from`–`to` (422 naming `to` when it is before `from` or too long).
pub(crate) fn period(from: NaiveDate, to: NaiveDate) -> Result<Period, ApiError> {
    Period::new(from, to).map_err(|e| {
        let code = match e {
            PeriodError::Reversed => "before_from",
            PeriodError::TooLong => "too_long",
        };
        ApiError::field("to", code, e.to_string())
    })
}

/// The period as instants in each time zone the covered branches keep.
pub(crate) async fn windows(
    db: &impl ConnectionTrait,
    filter: &ReportFilter,
    period: Period,
) -> Result<(Vec<String>, Vec<Window>), ApiError> {
    let zones = stock_reports::time_zones(db, filter).await?;
    let mut windows = Vec::with_capacity(zones.len());
    for zone in &zones {
        // A zone the time-zone database no longer knows falls back to UTC days.
        let (start, end) = period
            .bounds(zone)
            .or_else(|| period.bounds("UTC"))
            .ok_or_else(|| ApiError::field("to", "out_of_range", "the period is out of range"))?;
        windows.push(Window { time_zone: zone.clone(), start, end });
    }
    Ok((zones, windows))
}

/// Refuses a report with more lines than [`MAX_LINES`] (409).
pub(crate) fn within_limit<T>(lines: Vec<T>) -> Result<Vec<T>, ApiError> {
    if lines.len() > MAX_LINES {
        return Err(ApiError::Conflict(format!(
            "the report has more than {MAX_LINES} lines; narrow it with branch_id, warehouse_id or a shorter period"
        )));
    }
    Ok(lines)
}

/// The warehouse and part a report line is about, as the reader recognises them.
pub(crate) fn place_out(l: WarehousePart) -> StockReportPlace {
    StockReportPlace {
        warehouse_id: l.warehouse_id,
        warehouse_code: l.warehouse_code,
        warehouse_name: l.warehouse_name,
        part_id: l.part_id,
        sku: l.sku,
        part_name: l.part_name,
        currency: l.currency.code().to_owned(),
    }
}
