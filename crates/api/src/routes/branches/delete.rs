use actix_web::{HttpResponse, delete, web};
use aftersales_api_types::Problem;
use aftersales_persistence::{begin_write, branches};
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::{ApiError, NotFoundAs};
use crate::extract::RequestId;
use crate::state::AppState;

/// Delete an empty branch (no branches, users or records below it).
#[utoipa::path(
    delete, path = "/api/v1/branches/{id}", tag = "branches", operation_id = "delete_branch",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Branch id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such branch in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The branch is not empty, or is your own", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/api/v1/branches/{id}")]
pub async fn delete_branch(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageBranches>,
    request_id: RequestId,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let txn = begin_write(&state.db).await?;
    let branch = branches::find_in_scope(&txn, &me.scope, *id).await.or_not_found("branch")?;
    if branch.id == me.scope.branch_id {
        return Err(ApiError::Conflict("you cannot delete your own branch".into()));
    }
    branches::delete(&txn, branch.id).await?;
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "branch.delete",
            entity: "branch",
            entity_id: branch.id,
            branch_id: branch.parent_id,
            before: snapshot(&dto::branch_out(&branch)),
            after: None,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
