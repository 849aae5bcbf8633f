//! The ticket-volume report: per branch and month of the reader's calendar,
//! tickets taken in (by kind, under warranty, repeat repairs) and closed (with
//! their mean time to close). Each branch's months are its own local days.
use std::collections::BTreeMap;

use aftersales_api_types::ticket_reports::{
    ReportCalendar, ReportMonth, TicketVolumeLine, TicketVolumeQuery, TicketVolumeReport, TicketsByKind,
};
use aftersales_domain::access::Permission;
use aftersales_domain::calendar::{Calendar, Month};
use aftersales_domain::regional::local_day_bounds;
use aftersales_domain::tickets::TicketKind;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::stock_reports::begin_snapshot;
use aftersales_persistence::tickets::volume::{self, BranchName, VolumeFilter, ZoneMonths};

use super::workbook::{Cell, Sheet};
use super::{branch_in_scope, period, take_turn};
use crate::auth::Principal;
use crate::error::ApiError;

/// The report, as its JSON answer.
pub async fn report(
    db: &DatabaseConnection,
    me: &Principal,
    query: TicketVolumeQuery,
) -> Result<TicketVolumeReport, ApiError> {
    me.require(Permission::ViewTickets)?;
    let _turn = take_turn().await?;
    let period = period(query.from, query.to)?;
    let calendar = query.calendar.unwrap_or_default();
    let months = match calendar {
        ReportCalendar::Gregorian => Calendar::Gregorian,
        ReportCalendar::Jalali => Calendar::Jalali,
    }
    .months(period)
    .ok_or_else(|| ApiError::field("from", "out_of_range", "the calendar has no date for a day of the period"))?;
    if let Some(id) = query.branch_id {
        branch_in_scope(db, me, id).await?;
    }
    let filter = VolumeFilter { scope: me.scope.clone(), branch_id: query.branch_id };
    let mut lines: BTreeMap<(BranchName, usize), TicketVolumeLine> = BTreeMap::new();
    let txn = begin_snapshot(db).await?;
    for (time_zone, names) in volume::branches_by_zone(&txn, &filter).await? {
        let zone = zone_months(&time_zone, &months)?;
        let mut closing_hours: BTreeMap<(BranchName, usize), f64> = BTreeMap::new();
        for r in volume::received(&txn, &filter, &zone, &names).await? {
            let l = line(&mut lines, &months, r.branch, r.month);
            l.received += r.count;
            l.under_warranty += r.under_warranty;
            l.repeat_repairs += r.repeat_repairs;
            let by_kind = &mut l.received_by_kind;
            *match r.kind {
                TicketKind::Repair => &mut by_kind.repair,
                TicketKind::Installation => &mut by_kind.installation,
                TicketKind::Maintenance => &mut by_kind.maintenance,
                TicketKind::ReturnExchange => &mut by_kind.return_exchange,
            } += r.count;
        }
        for c in volume::closed(&txn, &filter, &zone, &names).await? {
            closing_hours.insert((c.branch.clone(), c.month), c.total_seconds / 3600.0);
            line(&mut lines, &months, c.branch, c.month).closed += c.count;
        }
        for (key, hours) in closing_hours {
            if let Some(l) = lines.get_mut(&key) {
                l.mean_hours_to_close = (l.closed > 0).then(|| hours / l.closed as f64);
            }
        }
    }
    txn.commit().await?;
    Ok(TicketVolumeReport {
        from: period.from(),
        to: period.to(),
        calendar,
        months: months
            .into_iter()
            .map(|m| ReportMonth { label: m.label, first_day: m.first_day, last_day: m.last_day })
            .collect(),
        lines: lines.into_values().collect(),
    })
}

/// The months as instants in one time zone: each begins at the first moment of
/// its first day there, the last ends where the day after its last day begins. A
/// zone the time-zone database no longer knows keeps UTC days.
fn zone_months(time_zone: &str, months: &[Month]) -> Result<ZoneMonths, ApiError> {
    let day = |date| local_day_bounds(time_zone, date).or_else(|| local_day_bounds("UTC", date));
    let out_of_range = || ApiError::field("to", "out_of_range", "the period is out of range");
    let mut bounds = Vec::with_capacity(months.len() + 1);
    for m in months {
        bounds.push(day(m.first_day).ok_or_else(out_of_range)?.0);
    }
    if let Some(last) = months.last() {
        bounds.push(day(last.last_day).ok_or_else(out_of_range)?.1);
    }
    Ok(ZoneMonths { time_zone: time_zone.to_owned(), bounds })
}

/// The line of a branch and month, begun empty the first time.
fn line<'a>(
    lines: &'a mut BTreeMap<(BranchName, usize), TicketVolumeLine>,
    months: &[Month],
    branch: BranchName,
    month: usize,
) -> &'a mut TicketVolumeLine {
    let label = months.get(month).map_or_else(String::new, |m| m.label.clone());
    lines.entry((branch.clone(), month)).or_insert_with(|| TicketVolumeLine {
        branch_id: branch.id,
        branch_code: branch.code,
        branch_name: branch.name,
        month: label,
        received: 0,
        received_by_kind: TicketsByKind::default(),
        under_warranty: 0,
        repeat_repairs: 0,
        closed: 0,
        mean_hours_to_close: None,
    })
}

/// The report laid out as a workbook sheet.
pub fn sheets(report: TicketVolumeReport) -> Vec<Sheet> {
    let rows = report
        .lines
        .into_iter()
        .map(|l| {
            let k = l.received_by_kind;
            vec![
                Cell::from(l.branch_code),
                l.branch_name.into(),
                l.month.into(),
                l.received.into(),
                k.repair.into(),
                k.installation.into(),
                k.maintenance.into(),
                k.return_exchange.into(),
                l.under_warranty.into(),
                l.repeat_repairs.into(),
                l.closed.into(),
                l.mean_hours_to_close.map(|h| (h * 10.0).round() / 10.0).into(),
            ]
        })
        .collect();
    vec![Sheet {
        name: "ticket_volume",
        headers: &[
            "branch",
            "branch_name",
            "month",
            "received",
            "repair",
            "installation",
            "maintenance",
            "return_exchange",
            "under_warranty",
            "repeat_repairs",
            "closed",
            "mean_hours_to_close",
        ],
        rows,
    }]
}
