//! Remove a skill nobody has any more.
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, skills};
use uuid::Uuid;

use super::ENTITY;
use crate::audit::{Change, snapshot};
use crate::dto;
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::{Actor, Work};

/// 409 while users still have the skill.
pub async fn delete(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> Result<(), ApiError> {
    actor.me.require(Permission::ManageSkills)?;
    let work = Work::begin(db, actor).await?;
    let skill = skills::find(work.db(), id).await.or_not_found("skill")?;
    skills::delete(work.db(), skill.id.uuid()).await?;
    work.audit(Change {
        action: "skill.delete",
        entity: ENTITY,
        entity_id: skill.id.uuid(),
        branch_id: None,
        before: snapshot(&dto::skill_out(&skill)),
        after: None,
    })
    .await?;
    work.commit().await
}
