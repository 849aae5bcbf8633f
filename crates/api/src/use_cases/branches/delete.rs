//! Delete an empty branch (no branches, users or records below it).
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, branches};
use uuid::Uuid;

use crate::audit::{Change, snapshot};
use crate::dto;
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::{Actor, Work};

/// 409 for the actor's own branch, or one that is not empty.
pub async fn delete(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> Result<(), ApiError> {
    let me = &actor.me;
    me.require(Permission::ManageBranches)?;
    let work = Work::begin(db, actor).await?;
    let branch = branches::find_in_scope(work.db(), &me.scope, id).await.or_not_found("branch")?;
    if branch.id == me.scope.branch_id {
        return Err(ApiError::Conflict("you cannot delete your own branch".into()));
    }
    branches::delete(work.db(), branch.id.uuid()).await?;
    work.audit(Change {
        action: "branch.delete",
        entity: "branch",
        entity_id: branch.id.uuid(),
        branch_id: branch.parent_id.map(uuid::Uuid::from),
        before: snapshot(&dto::branch_out(&branch)),
        after: None,
    })
    .await?;
    work.commit().await
}
