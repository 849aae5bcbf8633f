//! The stock-movements report: what moved in and out during a period, per kind,
//! and each line's opening and closing stock.
use aftersales_api_types::stock_reports::{
    MovementSummaryLine, PeriodPositionLine, StockMovementsReport, StockPeriodQuery,
};
use aftersales_domain::stock::report::period_positions;
use aftersales_persistence::stock_reports::{self, begin_snapshot};

use super::workbook::{Sheet, money};
use super::{FETCH_LINES, period, place_out, report_filter, take_turn, windows, within_limit};
use crate::auth::Principal;
use crate::error::ApiError;
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;

/// The report, as its JSON answer.
pub async fn report(
    db: &DatabaseConnection,
    me: &Principal,
    query: StockPeriodQuery,
) -> Result<StockMovementsReport, ApiError> {
    me.require(Permission::ViewStock)?;
    let _turn = take_turn().await?;
    let period = period(query.from, query.to)?;
    let filter = report_filter(db, me, query.branch_id, query.warehouse_id).await?;
    // The opening and the movements are read from one state of the ledger.
    let txn = begin_snapshot(db).await?;
    let (time_zones, windows) = windows(&txn, &filter, period).await?;
    let flows = within_limit(stock_reports::flows(&txn, &filter, &windows, FETCH_LINES).await?)?;
    let openings = within_limit(stock_reports::openings(&txn, &filter, &windows, FETCH_LINES).await?)?;
    txn.commit().await?;
    let positions = period_positions(
        openings.into_iter().map(|o| (o.line, o.position)),
        flows.iter().map(|f| (f.line.clone(), f.flow)),
    );
    let positions = within_limit(positions.into_iter().collect())?
        .into_iter()
        .map(|(line, p)| PeriodPositionLine {
            place: place_out(line),
            opening_on_hand: p.opening.quantity,
            opening_value_minor: p.opening.value_minor,
            quantity_in: p.flow.quantity_in,
            quantity_out: p.flow.quantity_out,
            value_in_minor: p.flow.value_in_minor,
            value_out_minor: p.flow.value_out_minor,
            closing_on_hand: p.closing.quantity,
            closing_value_minor: p.closing.value_minor,
        })
        .collect();
    let movements = flows
        .into_iter()
        .map(|f| MovementSummaryLine {
            place: place_out(f.line),
            kind: f.kind.as_str().to_owned(),
            count: f.flow.count,
            quantity_in: f.flow.quantity_in,
            quantity_out: f.flow.quantity_out,
            value_in_minor: f.flow.value_in_minor,
            value_out_minor: f.flow.value_out_minor,
        })
        .collect();
    Ok(StockMovementsReport { from: period.from(), to: period.to(), time_zones, movements, positions })
}

/// The report laid out as workbook sheets.
pub fn sheets(report: StockMovementsReport) -> Vec<Sheet> {
    let movements = report
        .movements
        .into_iter()
        .map(|m| {
            let p = m.place;
            vec![
                p.warehouse_code.into(),
                p.sku.into(),
                p.part_name.into(),
                m.kind.into(),
                m.count.into(),
                m.quantity_in.into(),
                m.quantity_out.into(),
                money(m.value_in_minor, &p.currency),
                money(m.value_out_minor, &p.currency),
                p.currency.into(),
            ]
        })
        .collect();
    let positions = report
        .positions
        .into_iter()
        .map(|l| {
            let p = l.place;
            vec![
                p.warehouse_code.into(),
                p.sku.into(),
                p.part_name.into(),
                l.opening_on_hand.into(),
                l.quantity_in.into(),
                l.quantity_out.into(),
                l.closing_on_hand.into(),
                money(l.opening_value_minor, &p.currency),
                money(l.value_in_minor, &p.currency),
                money(l.value_out_minor, &p.currency),
                money(l.closing_value_minor, &p.currency),
                p.currency.into(),
            ]
        })
        .collect();
    vec![
        Sheet {
            name: "movements",
            headers: &[
                "warehouse",
                "sku",
                "part",
                "kind",
                "count",
                "quantity_in",
                "quantity_out",
                "value_in",
                "value_out",
                "currency",
            ],
            rows: movements,
        },
        Sheet {
            name: "opening_closing",
            headers: &[
                "warehouse",
                "sku",
                "part",
                "opening",
                "in",
                "out",
                "closing",
                "opening_value",
                "value_in",
                "value_out",
                "closing_value",
                "currency",
            ],
            rows: positions,
        },
    ]
}
