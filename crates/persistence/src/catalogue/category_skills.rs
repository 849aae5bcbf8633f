//! The skills a product category asks of the technician sent to one of its units.
use aftersales_domain::ids::SkillId;
use aftersales_domain::organisation::Skill;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use crate::StoreError;
use crate::entities::{category_skills, skills, user_skills};

/// The ids of the skills the category requires.
pub async fn required_ids(db: &impl ConnectionTrait, category_id: Uuid) -> Result<Vec<SkillId>, StoreError> {
    let rows =
        category_skills::Entity::find().filter(category_skills::Column::CategoryId.eq(category_id)).all(db).await?;
    Ok(rows.into_iter().map(|r| r.skill_id.into()).collect())
}

/// The skills the category requires, by code.
pub async fn required(db: &impl ConnectionTrait, category_id: Uuid) -> Result<Vec<Skill>, StoreError> {
    let ids = required_ids(db, category_id).await?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = skills::Entity::find()
        .filter(skills::Column::Id.is_in(ids.into_iter().map(SkillId::uuid)))
        .order_by_asc(skills::Column::Code)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|m| Skill {
            id: m.id.into(),
            code: m.code,
            name: m.name,
            created_at: m.created_at,
            updated_at: m.updated_at,
            version: m.version,
        })
        .collect())
}

/// Makes `skill_ids` the whole set the category requires.
pub async fn replace(db: &impl ConnectionTrait, category_id: Uuid, skill_ids: &[Uuid]) -> Result<(), StoreError> {
    category_skills::Entity::delete_many().filter(category_skills::Column::CategoryId.eq(category_id)).exec(db).await?;
    for skill_id in skill_ids {
        category_skills::ActiveModel { category_id: Set(category_id), skill_id: Set(*skill_id) }.insert(db).await?;
    }
    Ok(())
}

/// The ids of the skills a user has.
pub async fn user_skill_ids(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<SkillId>, StoreError> {
    let rows = user_skills::Entity::find().filter(user_skills::Column::UserId.eq(user_id)).all(db).await?;
    Ok(rows.into_iter().map(|r| r.skill_id.into()).collect())
}
