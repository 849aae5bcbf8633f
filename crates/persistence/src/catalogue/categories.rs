//! Product categories: a shallow tree (see `aftersales_domain::catalogue::check_parent`).
use aftersales_domain::catalogue::ProductCategory;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use crate::entities::product_categories::{ActiveModel, Column, Entity, Model};
use crate::versioned::{Expect, update_if_unchanged};
use crate::{StoreError, fetch_size, text};

pub struct NewCategory {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub parent_id: Option<Uuid>,
}

/// Fields to change; `None` leaves a field as it is (`Some(None)` makes the
/// category top-level).
#[derive(Default)]
pub struct CategoryChanges {
    pub name: Option<String>,
    pub parent_id: Option<Option<Uuid>>,
    pub active: Option<bool>,
}

#[derive(Default)]
pub struct CategoryFilter {
    /// Matches code or name, case-insensitively.
    pub q: Option<String>,
    /// Only the direct sub-categories of this one.
    pub parent_id: Option<Uuid>,
    pub active: Option<bool>,
    /// Keyset cursor: the code of the last category of the previous page.
    pub after_code: Option<String>,
    pub limit: u32,
}

fn to_domain(m: Model) -> ProductCategory {
    ProductCategory {
        id: m.id.into(),
        code: m.code,
        name: m.name,
        parent_id: m.parent_id.map(Into::into),
        active: m.active,
        created_at: m.created_at,
        updated_at: m.updated_at,
        version: m.version,
    }
}

pub async fn insert(
    db: &impl ConnectionTrait,
    new: NewCategory,
    now: DateTime<Utc>,
) -> Result<ProductCategory, StoreError> {
    let model = ActiveModel {
        id: Set(new.id),
        code: Set(new.code),
        name: Set(new.name),
        parent_id: Set(new.parent_id),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
    .insert(db)
    .await
    .map_err(|e| {
        StoreError::from_write(e, "a category with this code already exists", "the parent category no longer exists")
    })?;
    Ok(to_domain(model))
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<ProductCategory, StoreError> {
    Entity::find_by_id(id).one(db).await?.map(to_domain).ok_or(StoreError::NotFound)
}

/// Every category's `(id, parent_id)`, to check a new place in the tree.
///
/// The rows are locked until the transaction ends (on PostgreSQL; SQLite has one
/// writer at a time anyway), so two concurrent moves cannot each pass the cycle
/// check and together close a loop. The catalogue has tens of categories, not
/// thousands, so reading them all is cheap.
pub async fn tree_for_update(db: &impl ConnectionTrait) -> Result<Vec<(Uuid, Option<Uuid>)>, StoreError> {
    let rows = Entity::find().lock_exclusive().all(db).await?;
    Ok(rows.into_iter().map(|m| (m.id, m.parent_id)).collect())
}

/// Categories ordered by code.
pub async fn list(db: &impl ConnectionTrait, filter: CategoryFilter) -> Result<Vec<ProductCategory>, StoreError> {
    let mut query = Entity::find();
    if let Some(q) = filter.q.as_deref().filter(|q| !q.trim().is_empty()) {
        query = query.filter(text::contains_any(&[Column::Code, Column::Name], q));
    }
    if let Some(parent) = filter.parent_id {
        query = query.filter(Column::ParentId.eq(parent));
    }
    if let Some(active) = filter.active {
        query = query.filter(Column::Active.eq(active));
    }
    if let Some(after) = filter.after_code {
        query = query.filter(Column::Code.gt(after));
    }
    let rows = query.order_by_asc(Column::Code).limit(fetch_size(filter.limit)).all(db).await?;
    Ok(rows.into_iter().map(to_domain).collect())
}

/// Applies `changes` if the category is still at `expected_version` (when given).
/// The caller checks a new parent with `check_parent` first.
pub async fn update(
    db: &impl ConnectionTrait,
    current: &ProductCategory,
    expected_version: Option<i64>,
    changes: CategoryChanges,
    now: DateTime<Utc>,
) -> Result<ProductCategory, StoreError> {
    let mut model = ActiveModel { updated_at: Set(now), version: Set(current.version + 1), ..Default::default() };
    if let Some(name) = changes.name {
        model.name = Set(name);
    }
    if let Some(parent_id) = changes.parent_id {
        model.parent_id = Set(parent_id);
    }
    if let Some(active) = changes.active {
        model.active = Set(active);
    }
    let expect = Expect {
        id: (Column::Id, current.id.uuid()),
        version: (Column::Version, current.version),
        client_version: expected_version,
    };
    update_if_unchanged(db, model, expect)
        .await
        .map_err(|e| e.explain_conflict("the parent category no longer exists"))?;
    find(db, current.id.uuid()).await
}

/// Deletes a category that has no sub-categories and no models.
pub async fn delete(db: &impl ConnectionTrait, id: Uuid) -> Result<(), StoreError> {
    Entity::delete_by_id(id).exec(db).await.map_err(|e| {
        StoreError::from(e).explain_conflict(
            "the category still has sub-categories or product models; move them or mark the category inactive",
        )
    })?;
    Ok(())
}
