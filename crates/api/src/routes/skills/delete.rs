use actix_web::{HttpResponse, delete, web};
use aftersales_api_types::Problem;
use aftersales_persistence::{begin_write, skills};
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::{ApiError, NotFoundAs};
use crate::extract::RequestId;
use crate::state::AppState;

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
    let txn = begin_write(&state.db).await?;
    let skill = skills::find(&txn, *id).await.or_not_found("skill")?;
    skills::delete(&txn, skill.id).await?;
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "skill.delete",
            entity: "skill",
            entity_id: skill.id,
            branch_id: None,
            before: snapshot(&dto::skill_out(&skill)),
            after: None,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
