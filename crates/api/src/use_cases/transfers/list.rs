//! The transfers out of or into the caller's part of the network.
use aftersales_api_types::Page;
use aftersales_api_types::transfers::{TransferDto, TransferQuery};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::transfers::{self, TransferFilter};

use super::{status_in, transfer_out};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::pagination;

/// Newest first: by status, by warehouse (either end), or those still in transit.
pub async fn list(
    db: &DatabaseConnection,
    me: &Principal,
    query: TransferQuery,
) -> Result<Page<TransferDto>, ApiError> {
    me.require(Permission::ViewStock)?;
    let limit = pagination::limit(query.limit);
    let filter = TransferFilter {
        status: query.status.map(status_in),
        warehouse_id: query.warehouse_id,
        in_transit: query.in_transit,
        before_id: pagination::decode_id_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = transfers::list(db, &me.scope, filter).await?;
    Ok(pagination::page(rows, limit, |t| t.id.to_string(), transfer_out))
}
