//! Counter sales, page by page.
use aftersales_api_types::Page;
use aftersales_api_types::part_sales::{PartSaleDto, PartSaleQuery};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::part_sales::{self, PartSaleFilter};

use super::sale_out;
use crate::auth::Principal;
use crate::error::ApiError;
use crate::pagination;

/// One page of the caller's part of the network's sales, newest first: of a
/// warehouse, to a customer, within a time range.
pub async fn list(
    db: &DatabaseConnection,
    me: &Principal,
    query: PartSaleQuery,
) -> Result<Page<PartSaleDto>, ApiError> {
    me.require(Permission::ViewStock)?;
    let limit = pagination::limit(query.limit);
    let filter = PartSaleFilter {
        warehouse_id: query.warehouse_id,
        customer_id: query.customer_id,
        sold_from: query.sold_from,
        sold_to: query.sold_to,
        before_id: pagination::decode_id_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = part_sales::list(db, &me.scope, filter).await?;
    let names = part_sales::names(db, &rows).await?;
    Ok(pagination::page(rows, limit, |s| s.id.to_string(), |s| sale_out(s, &names)))
}
