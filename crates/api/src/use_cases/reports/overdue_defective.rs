//! The overdue defective returns report: old parts technicians still owe past
//! their due time, in the caller's branches.
use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use aftersales_api_types::stock_reports::{OverdueDefectiveLine, OverdueDefectiveQuery, OverdueDefectiveReport};
use aftersales_persistence::defective_parts::{self, DefectiveFilter};
use aftersales_persistence::{parts, users};
use chrono::Utc;
use uuid::Uuid;

use super::workbook::{Cell, Sheet};
use super::{MAX_LINES, report_filter, take_turn, within_limit};
use crate::auth::Principal;
use crate::error::ApiError;
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;

/// The report, as its JSON answer.
pub async fn report(
    db: &DatabaseConnection,
    me: &Principal,
    query: OverdueDefectiveQuery,
) -> Result<OverdueDefectiveReport, ApiError> {
    me.require(Permission::ViewStock)?;
    let _turn = take_turn().await?;
    report_filter(db, me, query.branch_id, None).await?;
    let now = Utc::now();
    let filter = DefectiveFilter {
        overdue: Some(true),
        branch_id: query.branch_id,
        limit: MAX_LINES as u32,
        ..Default::default()
    };
    let rows = within_limit(defective_parts::list(db, &me.scope, filter, now).await?)?;
    let mut part_names = BTreeMap::new();
    let mut people: BTreeMap<Uuid, String> = BTreeMap::new();
    let mut lines = Vec::with_capacity(rows.len());
    for row in rows {
        let d = row.part;
        if let Entry::Vacant(slot) = part_names.entry(d.part_id) {
            let part = parts::find(db, d.part_id).await?;
            slot.insert((part.sku, part.name));
        }
        if let Entry::Vacant(slot) = people.entry(d.technician_id) {
            slot.insert(users::find(db, d.technician_id).await?.display_name);
        }
        let (sku, part_name) = part_names.get(&d.part_id).cloned().unwrap_or_default();
        lines.push(OverdueDefectiveLine {
            defective_part_id: d.id,
            ticket_id: d.ticket_id,
            ticket_number: row.ticket_number,
            part_id: d.part_id,
            sku,
            part_name,
            technician_id: d.technician_id,
            technician_name: people.get(&d.technician_id).cloned().unwrap_or_default(),
            quantity: d.quantity,
            due_at: d.due_at,
            days_overdue: (now - d.due_at).num_days(),
        });
    }
    Ok(OverdueDefectiveReport { branch_id: query.branch_id, lines })
}

/// The report laid out as workbook sheets.
pub fn sheets(report: OverdueDefectiveReport) -> Vec<Sheet> {
    let rows = report
        .lines
        .into_iter()
        .map(|l| {
            vec![
                l.technician_name.into(),
                l.ticket_number.into(),
                l.sku.into(),
                l.part_name.into(),
                l.quantity.into(),
                Cell::Text(l.due_at.format("%Y-%m-%d %H:%M UTC").to_string()),
                l.days_overdue.into(),
            ]
        })
        .collect();
    vec![Sheet {
        name: "overdue_defective_returns",
        headers: &["technician", "ticket", "sku", "part", "quantity", "due_at", "days_overdue"],
        rows,
    }]
}
