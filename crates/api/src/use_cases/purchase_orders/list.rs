//! The purchase orders received into the caller's part of the network.
use aftersales_api_types::Page;
use aftersales_api_types::purchasing::{PurchaseOrderDto, PurchaseOrderQuery};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::purchase_orders::{self, PurchaseOrderFilter};

use super::{order_out, status_in};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::pagination;

/// Newest first, by status or warehouse.
pub async fn list(
    db: &DatabaseConnection,
    me: &Principal,
    query: PurchaseOrderQuery,
) -> Result<Page<PurchaseOrderDto>, ApiError> {
    me.require(Permission::ViewStock)?;
    let limit = pagination::limit(query.limit);
    let filter = PurchaseOrderFilter {
        status: query.status.map(status_in),
        warehouse_id: query.warehouse_id,
        before_id: pagination::decode_id_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = purchase_orders::list(db, &me.scope, filter).await?;
    Ok(pagination::page(rows, limit, |o| o.id.to_string(), order_out))
}
