//! Brands (manufacturers) of the products the company services.
use aftersales_domain::catalogue::Brand;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use crate::entities::brands::{ActiveModel, Column, Entity, Model};
use crate::versioned::{Expect, update_if_unchanged};
use crate::{StoreError, fetch_size, text};

pub struct NewBrand {
    pub code: String,
    pub name: String,
    pub country: Option<String>,
}

/// Fields to change; `None` leaves a field as it is (`Some(None)` clears).
#[derive(Default)]
pub struct BrandChanges {
    pub name: Option<String>,
    pub country: Option<Option<String>>,
    pub active: Option<bool>,
}

#[derive(Default)]
pub struct BrandFilter {
    /// Matches code or name, case-insensitively.
    pub q: Option<String>,
    pub active: Option<bool>,
    /// Keyset cursor: the code of the last brand of the previous page.
    pub after_code: Option<String>,
    pub limit: u32,
}

fn to_domain(m: Model) -> Brand {
    Brand {
        id: m.id.into(),
        code: m.code,
        name: m.name,
        country: m.country,
        active: m.active,
        created_at: m.created_at,
        updated_at: m.updated_at,
        version: m.version,
    }
}

pub async fn insert(db: &impl ConnectionTrait, new: NewBrand, now: DateTime<Utc>) -> Result<Brand, StoreError> {
    let model = ActiveModel {
        id: Set(Uuid::now_v7()),
        code: Set(new.code),
        name: Set(new.name),
        country: Set(new.country),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
    .insert(db)
    .await
    .map_err(|e| StoreError::from(e).explain_conflict("a brand with this code already exists"))?;
    Ok(to_domain(model))
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Brand, StoreError> {
    Entity::find_by_id(id).one(db).await?.map(to_domain).ok_or(StoreError::NotFound)
}

/// Brands ordered by code.
pub async fn list(db: &impl ConnectionTrait, filter: BrandFilter) -> Result<Vec<Brand>, StoreError> {
    let mut query = Entity::find();
    if let Some(q) = filter.q.as_deref().filter(|q| !q.trim().is_empty()) {
        query = query.filter(text::contains_any(&[Column::Code, Column::Name], q));
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

/// Applies `changes` if the brand is still at `expected_version` (when given).
pub async fn update(
    db: &impl ConnectionTrait,
    current: &Brand,
    expected_version: Option<i64>,
    changes: BrandChanges,
    now: DateTime<Utc>,
) -> Result<Brand, StoreError> {
    let mut model = ActiveModel { updated_at: Set(now), version: Set(current.version + 1), ..Default::default() };
    if let Some(name) = changes.name {
        model.name = Set(name);
    }
    if let Some(country) = changes.country {
        model.country = Set(country);
    }
    if let Some(active) = changes.active {
        model.active = Set(active);
    }
    let expect = Expect {
        id: (Column::Id, current.id.uuid()),
        version: (Column::Version, current.version),
        client_version: expected_version,
    };
    update_if_unchanged(db, model, expect).await?;
    find(db, current.id.uuid()).await
}

/// Deletes a brand no model refers to.
pub async fn delete(db: &impl ConnectionTrait, id: Uuid) -> Result<(), StoreError> {
    Entity::delete_by_id(id).exec(db).await.map_err(|e| {
        StoreError::from(e)
            .explain_conflict("the brand still has product models; delete them or mark the brand inactive")
    })?;
    Ok(())
}
