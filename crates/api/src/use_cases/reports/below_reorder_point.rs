//! The below-reorder-point report: active parts with less on hand than their
//! reorder point, over the warehouses of the caller's branches.
use aftersales_api_types::stock_reports::{BelowReorderLine, BelowReorderReport, StockReportQuery};
use aftersales_persistence::stock_reports;

use super::workbook::Sheet;
use super::{FETCH_LINES, report_filter, take_turn, within_limit};
use crate::auth::Principal;
use crate::error::ApiError;
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;

/// The report, as its JSON answer.
pub async fn report(
    db: &DatabaseConnection,
    me: &Principal,
    query: StockReportQuery,
) -> Result<BelowReorderReport, ApiError> {
    me.require(Permission::ViewStock)?;
    let _turn = take_turn().await?;
    let filter = report_filter(db, me, query.branch_id, query.warehouse_id).await?;
    let rows = within_limit(stock_reports::below_reorder_point(db, &filter, FETCH_LINES).await?)?;
    let lines = rows
        .into_iter()
        .map(|r| BelowReorderLine {
            part_id: r.part_id,
            sku: r.sku,
            name: r.name,
            on_hand: r.on_hand,
            reorder_point: r.reorder_point,
            shortfall: r.reorder_point - r.on_hand,
        })
        .collect();
    Ok(BelowReorderReport { branch_id: query.branch_id, warehouse_id: query.warehouse_id, lines })
}

/// The report laid out as workbook sheets.
pub fn sheets(report: BelowReorderReport) -> Vec<Sheet> {
    let rows = report
        .lines
        .into_iter()
        .map(|l| vec![l.sku.into(), l.name.into(), l.on_hand.into(), l.reorder_point.into(), l.shortfall.into()])
        .collect();
    vec![Sheet {
        name: "below_reorder_point",
        headers: &["sku", "part", "on_hand", "reorder_point", "shortfall"],
        rows,
    }]
}
