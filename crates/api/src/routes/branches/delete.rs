use actix_web::{HttpResponse, delete, web};
use aftersales_api_types::Problem;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::RequestId;
use crate::state::AppState;
use crate::use_cases::{Actor, branches};

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
    branches::delete::delete(&state.db, &Actor::once(me, request_id), *id).await?;
    Ok(HttpResponse::NoContent().finish())
}
