//! The skills a technician needs for units of a category.
use aftersales_api_types::dispatch::RequiredSkills;
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::catalogue::{categories, category_skills};
use uuid::Uuid;

use crate::auth::Principal;
use crate::dto::skill_out;
use crate::error::{ApiError, NotFoundAs};

pub async fn required_skills(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<RequiredSkills, ApiError> {
    me.require(Permission::ViewCatalogue)?;
    let category = categories::find(db, id).await.or_not_found("category")?;
    let skills = category_skills::required(db, category.id.uuid()).await?;
    Ok(RequiredSkills { category_id: category.id.uuid(), skills: skills.iter().map(skill_out).collect() })
}
