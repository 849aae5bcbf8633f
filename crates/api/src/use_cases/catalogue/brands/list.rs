//! List brands, by code.
use aftersales_api_types::Page;
use aftersales_api_types::catalogue::{BrandDto, BrandQuery};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::catalogue::brands::{self, BrandFilter};

use crate::auth::Principal;
use crate::dto::brand_out;
use crate::error::ApiError;
use crate::pagination;

pub async fn list(db: &DatabaseConnection, me: &Principal, query: BrandQuery) -> Result<Page<BrandDto>, ApiError> {
    me.require(Permission::ViewCatalogue)?;
    let limit = pagination::limit(query.limit);
    let filter = BrandFilter {
        q: query.q,
        active: query.active,
        after_code: pagination::decode_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = brands::list(db, filter).await?;
    Ok(pagination::page(rows, limit, |b| b.code.clone(), brand_out))
}
