//! Open a branch below one of the actor's.
use actix_web::http::StatusCode;
use aftersales_api_types::FieldError;
use aftersales_api_types::branches::{BranchDto, BranchKind, CreateBranch};
use aftersales_domain::access::Permission;
use aftersales_domain::branch_tree::child_path;
use aftersales_persistence::{DatabaseConnection, branches};
use uuid::Uuid;

use super::{parent_in_scope, regional_errors};
use crate::audit::{Change, snapshot};
use crate::dto;
use crate::error::ApiError;
use crate::money_dto::currency_in;
use crate::use_cases::{Actor, Begun, Once, Work};

/// There is one head office, at the top of the tree: a new branch is a regional
/// centre or an outlet. 409 when the code is taken.
pub async fn create(db: &DatabaseConnection, actor: &Actor, body: CreateBranch) -> Result<Once<BranchDto>, ApiError> {
    actor.me.require(Permission::ManageBranches)?;
    let mut errors = regional_errors(Some(&body.time_zone), Some(&body.currency));
    if body.kind == BranchKind::Hq {
        errors.push(FieldError::new("kind", "hq_is_unique", "there is one head office, at the top of the tree"));
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }

    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let parent = parent_in_scope(work.db(), &actor.me.scope, body.parent_id).await?;
    let id = Uuid::now_v7();
    let new = branches::NewBranch {
        id,
        parent_id: Some(parent.id.uuid()),
        path: child_path(&parent.path, id),
        code: body.code,
        name: body.name.trim().to_owned(),
        kind: dto::kind_in(body.kind),
        time_zone: body.time_zone,
        currency: currency_in(&body.currency, "currency")?,
    };
    let branch = branches::insert(work.db(), new, work.now()).await?;
    let out = dto::branch_out(&branch);
    work.audit(Change {
        action: "branch.create",
        entity: "branch",
        entity_id: id,
        branch_id: Some(id),
        before: None,
        after: snapshot(&out),
    })
    .await?;
    work.finish(StatusCode::CREATED, out).await
}
