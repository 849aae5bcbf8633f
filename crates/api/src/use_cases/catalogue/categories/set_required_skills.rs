//! Replace the skills a technician needs for units of a category.
use aftersales_api_types::dispatch::{RequiredSkills, SetRequiredSkills};
use aftersales_domain::access::Permission;
use aftersales_domain::organisation::Skill;
use aftersales_persistence::catalogue::{categories, category_skills};
use aftersales_persistence::{DatabaseConnection, skills};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::dto::skill_out;
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::catalogue::CATEGORY;
use crate::use_cases::{Actor, Work};

/// The list is the whole new set, by skill code; an unknown code is a field error
/// naming `skills` and changes nothing.
pub async fn set_required_skills(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    body: SetRequiredSkills,
) -> Result<RequiredSkills, ApiError> {
    actor.me.require(Permission::ManageCatalogue)?;
    let codes: Vec<String> = body.skills.iter().map(|c| c.trim().to_owned()).collect();
    let work = Work::begin(db, actor).await?;
    let category = categories::find(work.db(), id).await.or_not_found("category")?;
    let skill_ids = skills::ids_for_codes(work.db(), &codes)
        .await?
        .map_err(|code| ApiError::field("skills", "unknown_skill", format!("there is no skill with code '{code}'")))?;
    let before = category_skills::required(work.db(), category.id.uuid()).await?;
    category_skills::replace(work.db(), category.id.uuid(), &skill_ids).await?;
    let after = category_skills::required(work.db(), category.id.uuid()).await?;
    let (before_codes, after_codes) = (Some(codes_of(&before)), Some(codes_of(&after)));
    CATEGORY.record(&work, "product_category.required_skills", category.id.uuid(), before_codes, after_codes).await?;
    work.commit().await?;
    Ok(RequiredSkills { category_id: category.id.uuid(), skills: after.iter().map(skill_out).collect() })
}

/// The audit log shows the set by code, as the client sent it.
fn codes_of(skills: &[Skill]) -> Value {
    json!({"skills": skills.iter().map(|s| &s.code).collect::<Vec<_>>()})
}
