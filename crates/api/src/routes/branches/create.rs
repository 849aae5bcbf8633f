use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::branches::{BranchDto, BranchKind, CreateBranch};
use aftersales_domain::branch_tree::child_path;
use aftersales_persistence::{StoreError, begin_write, branches};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::branches::regional_errors;

/// Create a branch below one of yours.
#[utoipa::path(
    post, path = "/api/v1/branches", tag = "branches", operation_id = "create_branch",
    security(("bearer" = [])),
    request_body = CreateBranch,
    responses(
        (status = 201, description = "Created", body = BranchDto,
            headers(("Location" = String, description = "URL of the new branch"), ("ETag" = String, description = "Version of the branch"))),
        (status = 409, description = "The code is taken", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/branches")]
pub async fn create_branch(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageBranches>,
    request_id: RequestId,
    ValidatedJson(body): ValidatedJson<CreateBranch>,
) -> Result<HttpResponse, ApiError> {
    let mut errors = regional_errors(Some(&body.time_zone), Some(&body.currency));
    if body.kind == BranchKind::Hq {
        errors.push(aftersales_api_types::FieldError::new(
            "kind",
            "hq_is_unique",
            "there is one head office, at the top of the tree",
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }

    let txn = begin_write(&state.db).await?;
    let parent = match branches::find_in_scope(&txn, &me.scope, body.parent_id).await {
        Err(StoreError::NotFound) => {
            return Err(ApiError::field("parent_id", "unknown_branch", "no such branch in your part of the network"));
        }
        other => other?,
    };
    let id = Uuid::now_v7();
    let branch = branches::insert(
        &txn,
        branches::NewBranch {
            id,
            parent_id: Some(parent.id),
            path: child_path(&parent.path, id),
            code: body.code,
            name: body.name.trim().to_owned(),
            kind: dto::kind_in(body.kind),
            time_zone: body.time_zone,
            currency: body.currency,
        },
        Utc::now(),
    )
    .await?;
    let out = dto::branch_out(&branch);
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "branch.create",
            entity: "branch",
            entity_id: id,
            branch_id: Some(id),
            before: None,
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/branches/{id}")))
        .insert_header((header::ETAG, etag(branch.version)))
        .json(out))
}
