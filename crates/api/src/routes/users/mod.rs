//! `/api/v1/users`: the people who sign in, their roles and skills.
pub mod create;
pub mod get;
pub mod list;
pub mod update;

use aftersales_domain::organisation::BranchScope;
use aftersales_persistence::{ConnectionTrait, StoreError, branches, skills};
use uuid::Uuid;

use crate::error::ApiError;

/// The branch a user is put in must be within the caller's part of the network.
pub(crate) async fn ensure_branch_in_scope(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    branch_id: Uuid,
) -> Result<(), ApiError> {
    match branches::find_in_scope(db, scope, branch_id).await {
        Ok(_) => Ok(()),
        Err(StoreError::NotFound) => {
            Err(ApiError::field("branch_id", "unknown_branch", "no such branch in your part of the network"))
        }
        Err(e) => Err(e.into()),
    }
}

/// Skill codes to ids; an unknown code is a field error.
async fn skill_ids(db: &impl ConnectionTrait, codes: &[String]) -> Result<Vec<Uuid>, ApiError> {
    skills::ids_for_codes(db, codes)
        .await?
        .map_err(|code| ApiError::field("skills", "unknown_skill", format!("there is no skill with code '{code}'")))
}
