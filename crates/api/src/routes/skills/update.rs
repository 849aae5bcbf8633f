use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::skills::{SkillDto, UpdateSkill};
use aftersales_persistence::{begin_write, skills};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::{ApiError, NotFoundAs};
use crate::extract::{RequestId, ValidatedJson};
use crate::state::AppState;

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
    let txn = begin_write(&state.db).await?;
    let current = skills::find(&txn, *id).await.or_not_found("skill")?;
    let updated = skills::rename(&txn, &current, body.name.trim().to_owned(), Utc::now()).await?;
    let out = dto::skill_out(&updated);
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "skill.update",
            entity: "skill",
            entity_id: updated.id,
            branch_id: None,
            before: snapshot(&dto::skill_out(&current)),
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(out))
}
