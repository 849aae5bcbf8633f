//! List the components of a product model, by code.
use aftersales_api_types::Page;
use aftersales_api_types::catalogue::ComponentDto;
use aftersales_api_types::page::ListQuery;
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::catalogue::{components, models};
use uuid::Uuid;

use crate::auth::Principal;
use crate::dto::component_out;
use crate::error::{ApiError, NotFoundAs};
use crate::pagination;

/// 404 when there is no such product model.
pub async fn list(
    db: &DatabaseConnection,
    me: &Principal,
    model_id: Uuid,
    query: ListQuery,
) -> Result<Page<ComponentDto>, ApiError> {
    me.require(Permission::ViewCatalogue)?;
    let model = models::find(db, model_id).await.or_not_found("product model")?;
    let limit = pagination::limit(query.limit);
    let after_code = pagination::decode_cursor(query.cursor.as_deref())?;
    let rows = components::list(db, model.id.uuid(), after_code, limit).await?;
    Ok(pagination::page(rows, limit, |c| c.code.clone(), component_out))
}
