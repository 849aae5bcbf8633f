//! Shared by the `/warranty` use cases.
use aftersales_domain::warranty::PolicyScope;
use aftersales_persistence::catalogue::{brands, categories, models};
use aftersales_persistence::{ConnectionTrait, StoreError};

use crate::error::ApiError;

/// A policy must be written for a brand, category or model that exists.
pub(crate) async fn ensure_scope_exists(db: &impl ConnectionTrait, scope: PolicyScope) -> Result<(), ApiError> {
    let found = match scope {
        PolicyScope::Brand(id) => brands::find(db, id).await.map(|_| ()),
        PolicyScope::Category(id) => categories::find(db, id).await.map(|_| ()),
        PolicyScope::Model(id) => models::find(db, id).await.map(|_| ()),
    };
    match found {
        Ok(()) => Ok(()),
        Err(StoreError::NotFound) => {
            Err(ApiError::field("scope.id", "unknown_scope", format!("there is no {} with this id", scope.kind())))
        }
        Err(e) => Err(e.into()),
    }
}
