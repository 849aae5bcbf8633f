//! Branches: the service network's tree (HQ → regional centre → outlet). One file
//! per use case; what they share is here.
pub mod create;
pub mod delete;
pub mod get;
pub mod list;
pub mod update;

use aftersales_api_types::FieldError;
use aftersales_domain::organisation::{Branch, BranchScope};
use aftersales_domain::regional::{is_currency, is_time_zone};
use aftersales_persistence::{ConnectionTrait, StoreError, branches};
use uuid::Uuid;

use crate::error::ApiError;

/// Field errors for a time zone and currency, when given.
fn regional_errors(time_zone: Option<&str>, currency: Option<&str>) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if let Some(tz) = time_zone.filter(|tz| !is_time_zone(tz)) {
        errors.push(FieldError::new(
            "time_zone",
            "unknown_time_zone",
            format!("'{tz}' is not an IANA time zone such as Asia/Ho_Chi_Minh"),
        ));
    }
    if let Some(c) = currency.filter(|c| !is_currency(c)) {
        errors.push(FieldError::new(
            "currency",
            "unknown_currency",
            format!("'{c}' is not an ISO 4217 currency code such as VND"),
        ));
    }
    errors
}

/// The branch a new or moved branch goes below: one of the actor's, or a field error.
async fn parent_in_scope(db: &impl ConnectionTrait, scope: &BranchScope, parent_id: Uuid) -> Result<Branch, ApiError> {
    match branches::find_in_scope(db, scope, parent_id).await {
        Err(StoreError::NotFound) => {
            Err(ApiError::field("parent_id", "unknown_branch", "no such branch in your part of the network"))
        }
        other => Ok(other?),
    }
}
