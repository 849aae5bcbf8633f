use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::skills::{CreateSkill, SkillDto};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::{Actor, skills};

/// Add a skill to the catalogue.
#[utoipa::path(
    post, path = "/api/v1/skills", tag = "skills", operation_id = "create_skill",
    security(("bearer" = [])),
    request_body = CreateSkill,
    responses(
        (status = 201, description = "Created", body = SkillDto, headers(("Location" = String, description = "URL of the new skill"))),
        (status = 409, description = "The code is taken", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/skills")]
pub async fn create_skill(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageSkills>,
    request_id: RequestId,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<CreateSkill>,
) -> Result<HttpResponse, ApiError> {
    let skill = skills::create::create(&state.db, &Actor::new(me, request_id, key), body).await?;
    Ok(reply::created_at(skill, |v| format!("/api/v1/skills/{}", v.id)))
}
