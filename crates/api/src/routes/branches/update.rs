use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::branches::{BranchDto, BranchKind, UpdateBranch};
use aftersales_api_types::{FieldError, Problem};
use aftersales_domain::branch_tree::{MoveError, moved_path};
use aftersales_persistence::branches::{self, BranchChanges};
use aftersales_persistence::{StoreError, begin_write};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::{ApiError, NotFoundAs};
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::branches::regional_errors;

/// Change a branch; a new `parent_id` moves it with everything below it.
#[utoipa::path(
    patch, path = "/api/v1/branches/{id}", tag = "branches", operation_id = "update_branch",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Branch id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; the update fails with 412 if the branch changed since"),
    ),
    request_body = UpdateBranch,
    responses(
        (status = 200, description = "Updated", body = BranchDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such branch in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The move would put the branch below itself", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The branch changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/api/v1/branches/{id}")]
pub async fn update_branch(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageBranches>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<UpdateBranch>,
    IfMatch(expected): IfMatch,
) -> Result<HttpResponse, ApiError> {
    let mut errors = regional_errors(body.time_zone.as_deref(), body.currency.as_deref());
    if body.kind == Some(BranchKind::Hq) {
        errors.push(FieldError::new("kind", "hq_is_unique", "there is one head office"));
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }

    let txn = begin_write(&state.db).await?;
    let current = branches::find_in_scope(&txn, &me.scope, *id).await.or_not_found("branch")?;
    let parent = match body.parent_id {
        Some(parent_id) if Some(parent_id) != current.parent_id => {
            let parent = match branches::find_in_scope(&txn, &me.scope, parent_id).await {
                Err(StoreError::NotFound) => {
                    return Err(ApiError::field(
                        "parent_id",
                        "unknown_branch",
                        "no such branch in your part of the network",
                    ));
                }
                other => other?,
            };
            let path = moved_path(&current.path, &parent.path, current.id).map_err(|e| match e {
                MoveError::Cycle | MoveError::RootCannotMove => ApiError::Conflict(e.to_string()),
            })?;
            Some((parent.id, path))
        }
        _ => None,
    };
    let changes = BranchChanges {
        name: body.name.map(|n| n.trim().to_owned()),
        kind: body.kind.map(dto::kind_in),
        time_zone: body.time_zone,
        currency: body.currency,
        parent,
    };
    let updated = branches::update(&txn, &current, expected, changes, Utc::now()).await?;
    let out = dto::branch_out(&updated);
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "branch.update",
            entity: "branch",
            entity_id: updated.id,
            branch_id: Some(updated.id),
            before: snapshot(&dto::branch_out(&current)),
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(updated.version))).json(out))
}
