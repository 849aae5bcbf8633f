//! The stock-on-hand report: stock per warehouse and part, with each
//! warehouse's totals per currency.
use aftersales_api_types::stock_reports::{StockOnHandLine, StockOnHandReport, StockReportQuery, WarehouseStockTotal};
use aftersales_persistence::stock_reports;

use super::workbook::{Cell, Sheet, money};
use super::{FETCH_LINES, place_out, report_filter, take_turn, within_limit};
use crate::auth::Principal;
use crate::error::ApiError;
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;

/// The report, as its JSON answer.
pub async fn report(
    db: &DatabaseConnection,
    me: &Principal,
    query: StockReportQuery,
) -> Result<StockOnHandReport, ApiError> {
    me.require(Permission::ViewStock)?;
    let _turn = take_turn().await?;
    let filter = report_filter(db, me, query.branch_id, query.warehouse_id).await?;
    let rows = within_limit(stock_reports::on_hand(db, &filter, FETCH_LINES).await?)?;
    let lines: Vec<StockOnHandLine> = rows
        .into_iter()
        .map(|r| StockOnHandLine {
            place: place_out(r.line),
            on_hand: r.balance.on_hand,
            reserved: r.balance.reserved,
            available: r.balance.available(),
            value_minor: r.balance.value_minor,
            average_cost_minor: r.balance.average_cost_minor(),
        })
        .collect();
    Ok(StockOnHandReport { totals: totals(&lines), lines })
}

/// Per warehouse and currency, in the order of the lines (by warehouse code).
fn totals(lines: &[StockOnHandLine]) -> Vec<WarehouseStockTotal> {
    let mut out: Vec<WarehouseStockTotal> = Vec::new();
    for l in lines {
        let p = &l.place;
        let at = out.iter().position(|t| t.warehouse_id == p.warehouse_id && t.currency == p.currency);
        let at = at.unwrap_or_else(|| {
            out.push(WarehouseStockTotal {
                warehouse_id: p.warehouse_id,
                warehouse_code: p.warehouse_code.clone(),
                currency: p.currency.clone(),
                on_hand: 0,
                reserved: 0,
                value_minor: 0,
            });
            out.len() - 1
        });
        let total = &mut out[at];
        total.on_hand += l.on_hand;
        total.reserved += l.reserved;
        total.value_minor += l.value_minor;
    }
    out
}

/// The report laid out as workbook sheets.
pub fn sheets(report: StockOnHandReport) -> Vec<Sheet> {
    let lines = report
        .lines
        .into_iter()
        .map(|l| {
            let p = l.place;
            vec![
                p.warehouse_code.into(),
                p.sku.into(),
                p.part_name.into(),
                l.on_hand.into(),
                l.reserved.into(),
                l.available.into(),
                money(l.average_cost_minor, &p.currency),
                money(l.value_minor, &p.currency),
                p.currency.into(),
            ]
        })
        .collect();
    let totals = report
        .totals
        .into_iter()
        .map(|t| {
            vec![
                Cell::from(t.warehouse_code),
                t.on_hand.into(),
                t.reserved.into(),
                money(t.value_minor, &t.currency),
                t.currency.into(),
            ]
        })
        .collect();
    vec![
        Sheet {
            name: "stock_on_hand",
            headers: &[
                "warehouse",
                "sku",
                "part",
                "on_hand",
                "reserved",
                "available",
                "average_cost",
                "value",
                "currency",
            ],
            rows: lines,
        },
        Sheet {
            name: "warehouse_totals",
            headers: &["warehouse", "on_hand", "reserved", "value", "currency"],
            rows: totals,
        },
    ]
}
