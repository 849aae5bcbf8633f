//! List issued card batches, oldest first.
use aftersales_api_types::Page;
use aftersales_api_types::warranty_cards::{BatchQuery, CardBatchDto};
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, warranty_cards};

use super::batch_out;
use crate::auth::Principal;
use crate::error::ApiError;
use crate::pagination;

pub async fn list_batches(
    db: &DatabaseConnection,
    me: &Principal,
    query: BatchQuery,
) -> Result<Page<CardBatchDto>, ApiError> {
    me.require(Permission::ViewCatalogue)?;
    let limit = pagination::limit(query.limit);
    let after_id = pagination::decode_id_cursor(query.cursor.as_deref())?;
    let rows = warranty_cards::list_batches(db, query.brand_id, after_id, limit).await?;
    Ok(pagination::page(rows, limit, |b| b.id.to_string(), batch_out))
}
