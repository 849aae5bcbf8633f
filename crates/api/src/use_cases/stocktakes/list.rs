//! The count sheets of the caller's part of the network.
use aftersales_api_types::Page;
use aftersales_api_types::stocktakes::{StocktakeDto, StocktakeQuery};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::stocktakes::{self, StocktakeFilter};

use super::{status_in, summary_out};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::pagination;

/// Newest first, without their lines.
pub async fn list(
    db: &DatabaseConnection,
    me: &Principal,
    query: StocktakeQuery,
) -> Result<Page<StocktakeDto>, ApiError> {
    me.require(Permission::ViewStock)?;
    let limit = pagination::limit(query.limit);
    let filter = StocktakeFilter {
        warehouse_id: query.warehouse_id,
        status: query.status.map(status_in),
        before_id: pagination::decode_id_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = stocktakes::list(db, &me.scope, filter).await?;
    Ok(pagination::page(rows, limit, |s| s.id.to_string(), summary_out))
}
