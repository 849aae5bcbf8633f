use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::skills::{CreateSkill, SkillDto};
use aftersales_persistence::{begin_write, skills};
use chrono::Utc;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::state::AppState;

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
    ValidatedJson(body): ValidatedJson<CreateSkill>,
) -> Result<HttpResponse, ApiError> {
    let txn = begin_write(&state.db).await?;
    let skill = skills::insert(&txn, body.code, body.name.trim().to_owned(), Utc::now()).await?;
    let out = dto::skill_out(&skill);
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "skill.create",
            entity: "skill",
            entity_id: skill.id,
            branch_id: None,
            before: None,
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().insert_header((header::LOCATION, format!("/api/v1/skills/{}", skill.id))).json(out))
}
