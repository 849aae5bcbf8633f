//! List product categories, by code.
use aftersales_api_types::Page;
use aftersales_api_types::catalogue::{CategoryDto, CategoryQuery};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::catalogue::categories::{self, CategoryFilter};

use crate::auth::Principal;
use crate::dto::category_out;
use crate::error::ApiError;
use crate::pagination;

pub async fn list(
    db: &DatabaseConnection,
    me: &Principal,
    query: CategoryQuery,
) -> Result<Page<CategoryDto>, ApiError> {
    me.require(Permission::ViewCatalogue)?;
    let limit = pagination::limit(query.limit);
    let filter = CategoryFilter {
        q: query.q,
        parent_id: query.parent_id,
        active: query.active,
        after_code: pagination::decode_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = categories::list(db, filter).await?;
    Ok(pagination::page(rows, limit, |c| c.code.clone(), category_out))
}
