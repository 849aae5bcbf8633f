//! The parts catalogue, page by page.
use aftersales_api_types::Page;
use aftersales_api_types::parts::{PartDto, PartQuery};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::parts::{self, PartFilter};

use super::{cursor_key, part_out};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::pagination;
use crate::use_cases::tickets::work::decode_code_cursor;

/// One page of parts by SKU: of a brand, fitting a product model, of a component,
/// or matching a search over SKU and name.
pub async fn list(db: &DatabaseConnection, me: &Principal, query: PartQuery) -> Result<Page<PartDto>, ApiError> {
    me.require(Permission::ViewParts)?;
    let limit = pagination::limit(query.limit);
    let filter = PartFilter {
        brand_id: query.brand_id,
        model_id: query.model_id,
        component_code: query.component_code,
        q: query.q,
        active: query.active,
        after: decode_code_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = parts::list(db, filter).await?;
    Ok(pagination::page(rows, limit, cursor_key, part_out))
}
