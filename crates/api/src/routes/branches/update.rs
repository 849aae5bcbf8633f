use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::branches::{BranchDto, UpdateBranch};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::{Actor, branches};

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
    let branch = branches::update::update(&state.db, &Actor::once(me, request_id), *id, expected, body).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(branch.version))).json(branch))
}
