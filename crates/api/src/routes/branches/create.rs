use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::branches::{BranchDto, CreateBranch};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::{Actor, branches};

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
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<CreateBranch>,
) -> Result<HttpResponse, ApiError> {
    let branch = branches::create::create(&state.db, &Actor::new(me, request_id, key), body).await?;
    Ok(reply::created(branch, |v| format!("/api/v1/branches/{}", v.id), |v| v.version))
}
