//! The parts-used report: parts issued to tickets minus those returned unused,
//! per ticket or per technician, during a period.
use aftersales_api_types::stock_reports::{PartsUsedGrouping, PartsUsedLine, PartsUsedQuery, PartsUsedReport};
use aftersales_persistence::stock_reports::{self, UsedBy, begin_snapshot};

use super::workbook::{Cell, Sheet, money};
use super::{FETCH_LINES, period, report_filter, take_turn, windows, within_limit};
use crate::auth::Principal;
use crate::error::ApiError;
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;

/// The report, as its JSON answer.
pub async fn report(
    db: &DatabaseConnection,
    me: &Principal,
    query: PartsUsedQuery,
) -> Result<PartsUsedReport, ApiError> {
    me.require(Permission::ViewStock)?;
    let _turn = take_turn().await?;
    let period = period(query.from, query.to)?;
    let filter = report_filter(db, me, query.branch_id, query.warehouse_id).await?;
    let group_by = query.group_by.unwrap_or_default();
    let by = match group_by {
        PartsUsedGrouping::Ticket => UsedBy::Ticket,
        PartsUsedGrouping::Technician => UsedBy::Technician,
    };
    let txn = begin_snapshot(db).await?;
    let (_, windows) = windows(&txn, &filter, period).await?;
    let rows = within_limit(stock_reports::parts_used(&txn, &filter, &windows, by, FETCH_LINES).await?)?;
    txn.commit().await?;
    let lines = rows
        .into_iter()
        .map(|r| PartsUsedLine {
            ticket_id: r.ticket_id,
            ticket_number: r.ticket_number,
            technician_id: r.technician_id,
            technician_name: r.technician_name,
            tickets: r.tickets,
            currency: r.currency.code().to_owned(),
            issued: r.issued,
            returned: r.returned,
            quantity: r.quantity,
            value_minor: r.value_minor,
        })
        .collect();
    Ok(PartsUsedReport { from: period.from(), to: period.to(), group_by, lines })
}

/// The report laid out as workbook sheets.
pub fn sheets(report: PartsUsedReport) -> Vec<Sheet> {
    let rows = report
        .lines
        .into_iter()
        .map(|l| {
            vec![
                Cell::from(l.ticket_number),
                l.technician_name.into(),
                l.tickets.into(),
                l.issued.into(),
                l.returned.into(),
                l.quantity.into(),
                money(l.value_minor, &l.currency),
                l.currency.into(),
            ]
        })
        .collect();
    vec![Sheet {
        name: "parts_used",
        headers: &["ticket", "technician", "tickets", "issued", "returned", "used", "value", "currency"],
        rows,
    }]
}
