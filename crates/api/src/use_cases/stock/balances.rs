//! The stock list: what a warehouse holds, part by part, with the names a screen
//! labels each line by.
use aftersales_api_types::Page;
use aftersales_api_types::stock::{StockLineDto, StockQuery};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::stock::{self, NamedStockLine};

use super::ensure_warehouse_in_scope;
use crate::auth::Principal;
use crate::error::ApiError;
use crate::pagination;
use crate::use_cases::tickets::work::decode_code_cursor;

/// One page of the stock of a warehouse in the caller's part of the network (one
/// part with `part_id`), by SKU.
pub async fn list(db: &DatabaseConnection, me: &Principal, query: StockQuery) -> Result<Page<StockLineDto>, ApiError> {
    me.require(Permission::ViewStock)?;
    ensure_warehouse_in_scope(db, me, query.warehouse_id).await?;
    let limit = pagination::limit(query.limit);
    let after = decode_code_cursor(query.cursor.as_deref())?;
    let rows = stock::named_balances(db, query.warehouse_id, query.part_id, after, limit).await?;
    Ok(pagination::page(rows, limit, cursor_key, named_line_out))
}

/// The keyset cursor of a line: SKU and part id (normalised SKUs hold no spaces).
fn cursor_key(l: &NamedStockLine) -> String {
    format!("{} {}", l.sku, l.line.part_id)
}

fn named_line_out(l: &NamedStockLine) -> StockLineDto {
    let b = l.line.balance;
    StockLineDto {
        warehouse_id: l.line.warehouse_id.uuid(),
        warehouse_code: l.warehouse_code.clone(),
        part_id: l.line.part_id.uuid(),
        sku: l.sku.clone(),
        part_name: l.part_name.clone(),
        currency: l.currency.code().to_owned(),
        on_hand: b.on_hand,
        reserved: b.reserved,
        available: b.available(),
        value_minor: b.value_minor,
        average_cost_minor: b.average_cost_minor(),
        updated_at: l.line.updated_at,
    }
}
