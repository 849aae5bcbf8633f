use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::skills::{SkillDto, UpdateSkill};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::state::AppState;
use crate::use_cases::{Actor, skills};

/// Rename a skill (its code stays).
#[utoipa::path(
    patch, path = "/api/v1/skills/{id}", tag = "skills", operation_id = "update_skill",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Skill id")),
    request_body = UpdateSkill,
    responses(
        (status = 200, description = "Updated", body = SkillDto),
        (status = 404, description = "No such skill", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/api/v1/skills/{id}")]
pub async fn update_skill(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageSkills>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<UpdateSkill>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(skills::rename::rename(&state.db, &Actor::once(me, request_id), *id, body).await?))
}
