//! Add a skill to the catalogue.
use actix_web::http::StatusCode;
use aftersales_api_types::skills::{CreateSkill, SkillDto};
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, skills};

use super::ENTITY;
use crate::audit::{Change, snapshot};
use crate::dto;
use crate::error::ApiError;
use crate::use_cases::{Actor, Begun, Once, Work};

/// 409 when the code is taken.
pub async fn create(db: &DatabaseConnection, actor: &Actor, body: CreateSkill) -> Result<Once<SkillDto>, ApiError> {
    actor.me.require(Permission::ManageSkills)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let skill = skills::insert(work.db(), body.code, body.name.trim().to_owned(), work.now()).await?;
    let out = dto::skill_out(&skill);
    work.audit(Change {
        action: "skill.create",
        entity: ENTITY,
        entity_id: skill.id.uuid(),
        branch_id: None,
        before: None,
        after: snapshot(&out),
    })
    .await?;
    work.finish(StatusCode::CREATED, out).await
}
