//! Components of a product model: sub-assemblies with a warranty of their own.
use aftersales_domain::catalogue::Component;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use crate::entities::product_components::{ActiveModel, Column, Entity, Model};
use crate::versioned::{Expect, update_if_unchanged};
use crate::{StoreError, fetch_size};

pub struct NewComponent {
    pub model_id: Uuid,
    pub code: String,
    pub name: String,
}

fn to_domain(m: Model) -> Component {
    Component {
        id: m.id.into(),
        model_id: m.model_id.into(),
        code: m.code,
        name: m.name,
        created_at: m.created_at,
        updated_at: m.updated_at,
        version: m.version,
    }
}

pub async fn insert(db: &impl ConnectionTrait, new: NewComponent, now: DateTime<Utc>) -> Result<Component, StoreError> {
    let model = ActiveModel {
        id: Set(Uuid::now_v7()),
        model_id: Set(new.model_id),
        code: Set(new.code),
        name: Set(new.name),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
    .insert(db)
    .await
    .map_err(|e| {
        StoreError::from_write(e, "the model already has a component with this code", "the model no longer exists")
    })?;
    Ok(to_domain(model))
}

/// The component, if it belongs to `model_id`; one of another model is "not found".
pub async fn find(db: &impl ConnectionTrait, model_id: Uuid, id: Uuid) -> Result<Component, StoreError> {
    Entity::find_by_id(id)
        .filter(Column::ModelId.eq(model_id))
        .one(db)
        .await?
        .map(to_domain)
        .ok_or(StoreError::NotFound)
}

/// The model's components ordered by code, after the cursor code.
pub async fn list(
    db: &impl ConnectionTrait,
    model_id: Uuid,
    after_code: Option<String>,
    limit: u32,
) -> Result<Vec<Component>, StoreError> {
    let mut query = Entity::find().filter(Column::ModelId.eq(model_id));
    if let Some(after) = after_code {
        query = query.filter(Column::Code.gt(after));
    }
    let rows = query.order_by_asc(Column::Code).limit(fetch_size(limit)).all(db).await?;
    Ok(rows.into_iter().map(to_domain).collect())
}

/// Every component of the model, e.g. to record what a model's deletion takes along.
pub async fn all_of_model(db: &impl ConnectionTrait, model_id: Uuid) -> Result<Vec<Component>, StoreError> {
    let rows = Entity::find().filter(Column::ModelId.eq(model_id)).order_by_asc(Column::Code).all(db).await?;
    Ok(rows.into_iter().map(to_domain).collect())
}

/// Renames a component if it is still at `expected_version` (when given); its code stays.
pub async fn rename(
    db: &impl ConnectionTrait,
    current: &Component,
    expected_version: Option<i64>,
    name: String,
    now: DateTime<Utc>,
) -> Result<Component, StoreError> {
    let changes =
        ActiveModel { name: Set(name), updated_at: Set(now), version: Set(current.version + 1), ..Default::default() };
    let expect = Expect {
        id: (Column::Id, current.id.uuid()),
        version: (Column::Version, current.version),
        client_version: expected_version,
    };
    update_if_unchanged(db, changes, expect).await?;
    find(db, current.model_id.uuid(), current.id.uuid()).await
}

/// Deletes a component nothing else refers to.
pub async fn delete(db: &impl ConnectionTrait, id: Uuid) -> Result<(), StoreError> {
    Entity::delete_by_id(id)
        .exec(db)
        .await
        .map_err(|e| StoreError::from(e).explain_conflict("the component is still referenced (warranties)"))?;
    Ok(())
}
