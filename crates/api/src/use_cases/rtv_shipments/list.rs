//! The return-to-vendor shipments of the caller's part of the network.
use aftersales_api_types::Page;
use aftersales_api_types::rtv::{RtvShipmentDto, RtvShipmentQuery};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::rtv_shipments::{self, RtvFilter};

use super::{status_in, summary_out};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::pagination;

/// One page, newest first, without their parts (get one to see them).
pub async fn list(
    db: &DatabaseConnection,
    me: &Principal,
    query: RtvShipmentQuery,
) -> Result<Page<RtvShipmentDto>, ApiError> {
    me.require(Permission::ViewStock)?;
    let limit = pagination::limit(query.limit);
    let filter = RtvFilter {
        status: query.status.map(status_in),
        brand_id: query.brand_id,
        warehouse_id: query.warehouse_id,
        before_id: pagination::decode_id_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = rtv_shipments::list(db, &me.scope, filter).await?;
    Ok(pagination::page(rows, limit, |s| s.id.to_string(), summary_out))
}
