//! The ledger of a warehouse, read page by page.
use aftersales_api_types::Page;
use aftersales_api_types::stock::{MovementDto, StockQuery};
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, stock};

use super::{ensure_warehouse_in_scope, movement_out};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::pagination;

/// One page of the ledger of a warehouse in the caller's part of the network (one
/// part with `part_id`), oldest first.
pub async fn list(db: &DatabaseConnection, me: &Principal, query: StockQuery) -> Result<Page<MovementDto>, ApiError> {
    me.require(Permission::ViewStock)?;
    ensure_warehouse_in_scope(db, me, query.warehouse_id).await?;
    let limit = pagination::limit(query.limit);
    let after = pagination::decode_id_cursor(query.cursor.as_deref())?;
    let rows = stock::movements(db, query.warehouse_id, query.part_id, after, limit).await?;
    Ok(pagination::page(rows, limit, |m| m.id.to_string(), movement_out))
}
