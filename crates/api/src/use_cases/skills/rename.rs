//! Rename a skill; its code stays (users and categories refer to it).
use aftersales_api_types::skills::{SkillDto, UpdateSkill};
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, skills};
use uuid::Uuid;

use super::ENTITY;
use crate::audit::{Change, snapshot};
use crate::dto;
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::{Actor, Work};

pub async fn rename(db: &DatabaseConnection, actor: &Actor, id: Uuid, body: UpdateSkill) -> Result<SkillDto, ApiError> {
    actor.me.require(Permission::ManageSkills)?;
    let work = Work::begin(db, actor).await?;
    let current = skills::find(work.db(), id).await.or_not_found("skill")?;
    let updated = skills::rename(work.db(), &current, body.name.trim().to_owned(), work.now()).await?;
    let out = dto::skill_out(&updated);
    work.audit(Change {
        action: "skill.update",
        entity: ENTITY,
        entity_id: updated.id.uuid(),
        branch_id: None,
        before: snapshot(&dto::skill_out(&current)),
        after: snapshot(&out),
    })
    .await?;
    work.commit().await?;
    Ok(out)
}
