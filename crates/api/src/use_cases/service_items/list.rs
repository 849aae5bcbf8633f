//! The service catalogue by code, optionally of one product category.
use aftersales_api_types::Page;
use aftersales_api_types::service_items::{ServiceItemDto, ServiceItemQuery};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::tickets::service_items::{self, ServiceItemFilter};

use crate::auth::Principal;
use crate::error::ApiError;
use crate::pagination;
use crate::use_cases::tickets::work::{code_key, decode_code_cursor, service_item_out};

pub async fn list(
    db: &DatabaseConnection,
    me: &Principal,
    query: ServiceItemQuery,
) -> Result<Page<ServiceItemDto>, ApiError> {
    me.require(Permission::ViewTickets)?;
    let limit = pagination::limit(query.limit);
    let filter = ServiceItemFilter {
        category_id: query.category_id,
        active: query.active,
        after: decode_code_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = service_items::list(db, filter).await?;
    Ok(pagination::page(rows, limit, |s| code_key(&s.code, s.id), service_item_out))
}
