//! The catalogue of technician skills.
use aftersales_domain::organisation::Skill;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use crate::entities::skills::{ActiveModel, Column, Entity, Model};
use crate::versioned::{Expect, update_if_unchanged};
use crate::{StoreError, fetch_size};

fn to_domain(m: Model) -> Skill {
    Skill {
        id: m.id.into(),
        code: m.code,
        name: m.name,
        created_at: m.created_at,
        updated_at: m.updated_at,
        version: m.version,
    }
}

pub async fn insert(
    db: &impl ConnectionTrait,
    code: String,
    name: String,
    now: DateTime<Utc>,
) -> Result<Skill, StoreError> {
    let model = ActiveModel {
        id: Set(Uuid::now_v7()),
        code: Set(code),
        name: Set(name),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
    .insert(db)
    .await
    .map_err(|e| StoreError::from(e).explain_conflict("a skill with this code already exists"))?;
    Ok(to_domain(model))
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Skill, StoreError> {
    Entity::find_by_id(id).one(db).await?.map(to_domain).ok_or(StoreError::NotFound)
}

/// Skills ordered by code, after the cursor code.
pub async fn list(db: &impl ConnectionTrait, after_code: Option<String>, limit: u32) -> Result<Vec<Skill>, StoreError> {
    let mut query = Entity::find();
    if let Some(after) = after_code {
        query = query.filter(Column::Code.gt(after));
    }
    let rows = query.order_by_asc(Column::Code).limit(fetch_size(limit)).all(db).await?;
    Ok(rows.into_iter().map(to_domain).collect())
}

pub async fn rename(
    db: &impl ConnectionTrait,
    current: &Skill,
    name: String,
    now: DateTime<Utc>,
) -> Result<Skill, StoreError> {
    let changes =
        ActiveModel { name: Set(name), updated_at: Set(now), version: Set(current.version + 1), ..Default::default() };
    let expect = Expect {
        id: (Column::Id, current.id.uuid()),
        version: (Column::Version, current.version),
        client_version: None,
    };
    update_if_unchanged(db, changes, expect).await?;
    find(db, current.id.uuid()).await
}

pub async fn delete(db: &impl ConnectionTrait, id: Uuid) -> Result<(), StoreError> {
    Entity::delete_by_id(id).exec(db).await.map_err(|e| {
        StoreError::from(e).explain_conflict("the skill is still assigned to users or required by product categories")
    })?;
    Ok(())
}

/// The ids of the skills with these codes, or `Err(code)` naming the first unknown one.
pub async fn ids_for_codes(
    db: &impl ConnectionTrait,
    codes: &[String],
) -> Result<Result<Vec<Uuid>, String>, StoreError> {
    if codes.is_empty() {
        return Ok(Ok(Vec::new()));
    }
    let rows = Entity::find().filter(Column::Code.is_in(codes.iter().cloned())).all(db).await?;
    let mut ids = Vec::with_capacity(codes.len());
    for code in codes {
        match rows.iter().find(|r| &r.code == code) {
            Some(row) if !ids.contains(&row.id) => ids.push(row.id),
            Some(_) => {}
            None => return Ok(Err(code.clone())),
        }
    }
    Ok(Ok(ids))
}
