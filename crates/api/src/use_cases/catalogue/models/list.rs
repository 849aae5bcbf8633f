//! List product models, by SKU.
use aftersales_api_types::Page;
use aftersales_api_types::catalogue::{ProductModelDto, ProductModelQuery};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::catalogue::models::{self, ModelFilter};

use super::{cursor_key, parse_cursor};
use crate::auth::Principal;
use crate::dto::product_model_out;
use crate::error::ApiError;
use crate::pagination;

pub async fn list(
    db: &DatabaseConnection,
    me: &Principal,
    query: ProductModelQuery,
) -> Result<Page<ProductModelDto>, ApiError> {
    me.require(Permission::ViewCatalogue)?;
    let limit = pagination::limit(query.limit);
    let filter = ModelFilter {
        q: query.q,
        brand_id: query.brand_id,
        category_id: query.category_id,
        active: query.active,
        after: parse_cursor(pagination::decode_cursor(query.cursor.as_deref())?)?,
        limit,
    };
    let rows = models::list(db, filter).await?;
    Ok(pagination::page(rows, limit, cursor_key, product_model_out))
}
