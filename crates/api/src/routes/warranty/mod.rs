//! `/api/v1/warranty-policies` and `/api/v1/warranty/evaluate`.
pub mod add_version;
pub mod create_policy;
pub mod get_policy;
pub mod list_policies;

use aftersales_domain::warranty::PolicyScope;
use aftersales_persistence::ConnectionTrait;

use crate::error::ApiError;

/// A policy must be written for a brand, category or model that exists.
// The catalogue lands with its own change; until then every scope is accepted.
async fn ensure_scope_exists(_db: &impl ConnectionTrait, _scope: PolicyScope) -> Result<(), ApiError> {
    Ok(())
}
