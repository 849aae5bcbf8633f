//! Product categories: kinds of product, in a shallow tree, and the skills a
//! technician needs for each.
pub mod create;
pub mod delete;
pub mod get;
pub mod list;
pub mod required_skills;
pub mod set_required_skills;
pub mod update;

use aftersales_domain::catalogue::{ParentError, check_parent};
use aftersales_persistence::catalogue::categories;
use aftersales_persistence::{ConnectionTrait, StoreError};
use uuid::Uuid;

use crate::error::ApiError;

/// Checks that category `id` (new or existing) may go under `parent_id`: the parent
/// exists (422 naming `parent_id` otherwise), no cycle and not too deep (409).
pub(crate) async fn check_new_parent(db: &impl ConnectionTrait, id: Uuid, parent_id: Uuid) -> Result<(), ApiError> {
    match categories::find(db, parent_id).await {
        Err(StoreError::NotFound) => {
            return Err(ApiError::field("parent_id", "unknown_category", "there is no category with this id"));
        }
        other => other?,
    };
    let tree = categories::tree_for_update(db).await?;
    check_parent(&tree, id, parent_id).map_err(|e| match e {
        ParentError::Cycle | ParentError::TooDeep => ApiError::Conflict(e.to_string()),
    })
}
