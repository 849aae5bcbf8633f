//! Codes by code, optionally of one kind and one product category.
use aftersales_api_types::Page;
use aftersales_api_types::fault_codes::{FaultCodeDto, FaultCodeQuery};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::tickets::fault_codes::{self, FaultCodeFilter};

use crate::auth::Principal;
use crate::error::ApiError;
use crate::pagination;
use crate::use_cases::tickets::work::{code_key, decode_code_cursor, fault_code_out, kind_str};

pub async fn list(
    db: &DatabaseConnection,
    me: &Principal,
    query: FaultCodeQuery,
) -> Result<Page<FaultCodeDto>, ApiError> {
    me.require(Permission::ViewTickets)?;
    let limit = pagination::limit(query.limit);
    let filter = FaultCodeFilter {
        kind: query.kind.map(|k| kind_str(k).to_owned()),
        category_id: query.category_id,
        active: query.active,
        after: decode_code_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = fault_codes::list(db, filter).await?;
    let page = pagination::page(rows, limit, |c| code_key(&c.code, c.id), fault_code_out);
    let items = page.items.into_iter().collect::<Result<Vec<_>, _>>()?;
    Ok(Page { items, next_cursor: page.next_cursor })
}
