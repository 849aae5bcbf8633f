//! List warranty policies, optionally those written for one brand, category or model.
use aftersales_api_types::Page;
use aftersales_api_types::warranty::{PolicyDto, PolicyQuery, PolicyScope};
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::warranty_policies::{self, PolicyFilter};

use crate::error::ApiError;
use crate::pagination;
use crate::warranty_dto::{policy_out, scope_in};

/// Any signed-in user may read the policies.
pub async fn list_policies(db: &DatabaseConnection, query: PolicyQuery) -> Result<Page<PolicyDto>, ApiError> {
    let limit = pagination::limit(query.limit);
    let scope = match (query.scope_kind, query.scope_id) {
        (Some(kind), Some(id)) => Some(scope_in(PolicyScope { kind, id })),
        (None, None) => None,
        _ => return Err(ApiError::field("scope_id", "required", "give scope_kind and scope_id together")),
    };
    let after_id = pagination::decode_id_cursor(query.cursor.as_deref())?;
    let rows = warranty_policies::list(db, PolicyFilter { scope, after_id, limit }).await?;
    Ok(pagination::page(rows, limit, |p| p.id.to_string(), policy_out))
}
