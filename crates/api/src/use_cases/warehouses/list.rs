//! The warehouses of the caller's part of the network, page by page.
use aftersales_api_types::Page;
use aftersales_api_types::warehouses::{WarehouseDto, WarehouseQuery};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::warehouses::{self, WarehouseFilter};

use super::{kind_in, warehouse_out};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::pagination;

/// One page of warehouses by code: of a branch, of a kind, of a technician, active or not.
pub async fn list(
    db: &DatabaseConnection,
    me: &Principal,
    query: WarehouseQuery,
) -> Result<Page<WarehouseDto>, ApiError> {
    me.require(Permission::ViewParts)?;
    let limit = pagination::limit(query.limit);
    let filter = WarehouseFilter {
        branch_id: query.branch_id,
        kind: query.kind.map(kind_in),
        technician_id: query.technician_id,
        active: query.active,
        after_code: pagination::decode_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = warehouses::list(db, &me.scope, filter).await?;
    Ok(pagination::page(rows, limit, |w| w.code.clone(), warehouse_out))
}
