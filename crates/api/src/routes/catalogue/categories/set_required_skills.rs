use actix_web::{HttpResponse, put, web};
use aftersales_api_types::Problem;
use aftersales_api_types::dispatch::{RequiredSkills, SetRequiredSkills};
use aftersales_domain::organisation::Skill;
use aftersales_persistence::begin_write;
use aftersales_persistence::catalogue::{categories, category_skills};
use aftersales_persistence::skills;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::{ApiError, NotFoundAs};
use crate::extract::{RequestId, ValidatedJson};
use crate::state::AppState;
use crate::use_cases::catalogue::entity;

/// Replace the skills a technician needs for units of this category.
///
/// The list is the whole new set, by skill code; an unknown code answers 422
/// naming `skills` and changes nothing.
#[utoipa::path(
    put, path = "/api/v1/product-categories/{id}/required-skills", tag = "catalogue",
    operation_id = "set_category_required_skills",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Category id")),
    request_body = SetRequiredSkills,
    responses(
        (status = 200, description = "The required skills now, by code", body = RequiredSkills),
        (status = 404, description = "No such category", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/api/v1/product-categories/{id}/required-skills")]
pub async fn set_required_skills(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCatalogue>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<SetRequiredSkills>,
) -> Result<HttpResponse, ApiError> {
    let codes: Vec<String> = body.skills.iter().map(|c| c.trim().to_owned()).collect();
    let txn = begin_write(&state.db).await?;
    let category = categories::find(&txn, *id).await.or_not_found("category")?;
    let skill_ids = skills::ids_for_codes(&txn, &codes)
        .await?
        .map_err(|code| ApiError::field("skills", "unknown_skill", format!("there is no skill with code '{code}'")))?;
    let codes_of = |skills: &[Skill]| serde_json::json!({"skills": skills.iter().map(|s| &s.code).collect::<Vec<_>>()});
    let before = category_skills::required(&txn, category.id).await?;
    category_skills::replace(&txn, category.id, &skill_ids).await?;
    let after = category_skills::required(&txn, category.id).await?;
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "product_category.required_skills",
            entity: entity::CATEGORY,
            entity_id: category.id,
            branch_id: None,
            before: snapshot(&codes_of(&before)),
            after: snapshot(&codes_of(&after)),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok()
        .json(RequiredSkills { category_id: category.id, skills: after.iter().map(dto::skill_out).collect() }))
}
