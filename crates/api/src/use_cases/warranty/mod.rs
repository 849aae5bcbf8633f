//! Warranty policies, versioned by the date their terms take effect, and the
//! entitlement decision (is this repair covered?).
pub mod add_version;
pub mod create_policy;
pub mod evaluate;
pub mod get_policy;
pub mod list_policies;

use aftersales_domain::warranty::PolicyScope;
use aftersales_persistence::catalogue::{brands, categories, models};
use aftersales_persistence::{ConnectionTrait, StoreError};
use serde_json::Value;
use uuid::Uuid;

use crate::audit::Change;
use crate::error::ApiError;
use crate::use_cases::Work;

/// A policy must be written for a brand, category or model that exists.
pub(crate) async fn ensure_scope_exists(db: &impl ConnectionTrait, scope: PolicyScope) -> Result<(), ApiError> {
    let found = match scope {
        PolicyScope::Brand(id) => brands::find(db, id.uuid()).await.map(|_| ()),
        PolicyScope::Category(id) => categories::find(db, id.uuid()).await.map(|_| ()),
        PolicyScope::Model(id) => models::find(db, id.uuid()).await.map(|_| ()),
    };
    match found {
        Ok(()) => Ok(()),
        Err(StoreError::NotFound) => {
            Err(ApiError::field("scope.id", "unknown_scope", format!("there is no {} with this id", scope.kind())))
        }
        Err(e) => Err(e.into()),
    }
}

/// An audit row about a policy; policies are company-wide, so it carries no branch.
pub(crate) async fn policy_audit(
    work: &Work,
    action: &str,
    policy_id: Uuid,
    before: Option<Value>,
    after: Option<Value>,
) -> Result<(), ApiError> {
    work.audit(Change { action, entity: "warranty_policy", entity_id: policy_id, branch_id: None, before, after }).await
}
