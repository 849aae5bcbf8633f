use actix_web::{HttpResponse, delete, web};
use aftersales_api_types::Problem;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::RequestId;
use crate::state::AppState;
use crate::use_cases::{Actor, skills};

/// Remove a skill nobody has any more.
#[utoipa::path(
    delete, path = "/api/v1/skills/{id}", tag = "skills", operation_id = "delete_skill",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Skill id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such skill", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Users still have the skill", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/api/v1/skills/{id}")]
pub async fn delete_skill(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageSkills>,
    request_id: RequestId,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    skills::delete::delete(&state.db, &Actor::once(me, request_id), *id).await?;
    Ok(HttpResponse::NoContent().finish())
}
