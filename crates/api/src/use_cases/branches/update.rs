//! Change a branch; a new parent moves it with everything below it.
use aftersales_api_types::FieldError;
use aftersales_api_types::branches::{BranchDto, BranchKind, UpdateBranch};
use aftersales_domain::access::Permission;
use aftersales_domain::branch_tree::{MoveError, moved_path};
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::branches::{self, BranchChanges};
use uuid::Uuid;

use super::{parent_in_scope, regional_errors};
use crate::audit::{Change, snapshot};
use crate::dto;
use crate::error::{ApiError, NotFoundAs};
use crate::money_dto::currency_in;
use crate::use_cases::{Actor, Work};

/// 409 when the move would put the branch below itself (or move the root); 412
/// when the branch is no longer at `expected` version.
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    expected: Option<i64>,
    body: UpdateBranch,
) -> Result<BranchDto, ApiError> {
    let me = &actor.me;
    me.require(Permission::ManageBranches)?;
    let mut errors = regional_errors(body.time_zone.as_deref(), body.currency.as_deref());
    if body.kind == Some(BranchKind::Hq) {
        errors.push(FieldError::new("kind", "hq_is_unique", "there is one head office"));
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }

    let work = Work::begin(db, actor).await?;
    let txn = work.db();
    let current = branches::find_in_scope(txn, &me.scope, id).await.or_not_found("branch")?;
    let parent = match body.parent_id {
        Some(parent_id) if Some(parent_id) != current.parent_id.map(uuid::Uuid::from) => {
            let parent = parent_in_scope(txn, &me.scope, parent_id).await?;
            let path = moved_path(&current.path, &parent.path, current.id.uuid()).map_err(|e| match e {
                MoveError::Cycle | MoveError::RootCannotMove => ApiError::Conflict(e.to_string()),
            })?;
            Some((parent.id.uuid(), path))
        }
        _ => None,
    };
    let changes = BranchChanges {
        name: body.name.map(|n| n.trim().to_owned()),
        kind: body.kind.map(dto::kind_in),
        time_zone: body.time_zone,
        currency: body.currency.as_deref().map(|c| currency_in(c, "currency")).transpose()?,
        parent,
    };
    let updated = branches::update(txn, &current, expected, changes, work.now()).await?;
    let out = dto::branch_out(&updated);
    work.audit(Change {
        action: "branch.update",
        entity: "branch",
        entity_id: updated.id.uuid(),
        branch_id: Some(updated.id.uuid()),
        before: snapshot(&dto::branch_out(&current)),
        after: snapshot(&out),
    })
    .await?;
    work.commit().await?;
    Ok(out)
}
