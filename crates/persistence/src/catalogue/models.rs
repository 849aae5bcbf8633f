//! Product models: what a brand sells under one SKU.
use aftersales_domain::catalogue::ProductModel;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use crate::entities::product_models::{ActiveModel, Column, Entity, Model};
use crate::versioned::{Expect, update_if_unchanged};
use crate::{StoreError, fetch_size, text};

const SKU_TAKEN: &str = "the brand already has a model with this SKU";
const REFERENCE_GONE: &str = "the brand or category no longer exists";

pub struct NewModel {
    pub brand_id: Uuid,
    pub category_id: Uuid,
    /// Already normalised.
    pub sku: String,
    pub name: String,
    pub needs_installation: bool,
}

/// Fields to change; `None` leaves a field as it is.
#[derive(Default)]
pub struct ModelChanges {
    pub brand_id: Option<Uuid>,
    pub category_id: Option<Uuid>,
    pub sku: Option<String>,
    pub name: Option<String>,
    pub needs_installation: Option<bool>,
    pub active: Option<bool>,
}

#[derive(Default)]
pub struct ModelFilter {
    /// Matches SKU or name, case-insensitively.
    pub q: Option<String>,
    pub brand_id: Option<Uuid>,
    pub category_id: Option<Uuid>,
    pub active: Option<bool>,
    /// Keyset cursor: SKU and id of the last model of the previous page (SKUs
    /// repeat across brands, so the id breaks ties).
    pub after: Option<(String, Uuid)>,
    pub limit: u32,
}

fn to_domain(m: Model) -> ProductModel {
    ProductModel {
        id: m.id.into(),
        brand_id: m.brand_id.into(),
        category_id: m.category_id.into(),
        sku: m.sku,
        name: m.name,
        needs_installation: m.needs_installation,
        active: m.active,
        created_at: m.created_at,
        updated_at: m.updated_at,
        version: m.version,
    }
}

pub async fn insert(db: &impl ConnectionTrait, new: NewModel, now: DateTime<Utc>) -> Result<ProductModel, StoreError> {
    let model = ActiveModel {
        id: Set(Uuid::now_v7()),
        brand_id: Set(new.brand_id),
        category_id: Set(new.category_id),
        sku: Set(new.sku),
        name: Set(new.name),
        needs_installation: Set(new.needs_installation),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
    .insert(db)
    .await
    .map_err(|e| StoreError::from_write(e, SKU_TAKEN, REFERENCE_GONE))?;
    Ok(to_domain(model))
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<ProductModel, StoreError> {
    Entity::find_by_id(id).one(db).await?.map(to_domain).ok_or(StoreError::NotFound)
}

/// Models ordered by SKU, then id.
pub async fn list(db: &impl ConnectionTrait, filter: ModelFilter) -> Result<Vec<ProductModel>, StoreError> {
    let mut query = Entity::find();
    if let Some(q) = filter.q.as_deref().filter(|q| !q.trim().is_empty()) {
        query = query.filter(text::contains_any(&[Column::Sku, Column::Name], q));
    }
    if let Some(brand_id) = filter.brand_id {
        query = query.filter(Column::BrandId.eq(brand_id));
    }
    if let Some(category_id) = filter.category_id {
        query = query.filter(Column::CategoryId.eq(category_id));
    }
    if let Some(active) = filter.active {
        query = query.filter(Column::Active.eq(active));
    }
    query = query.filter(crate::after_key(Column::Sku, Column::Id, filter.after));
    let rows = query.order_by_asc(Column::Sku).order_by_asc(Column::Id).limit(fetch_size(filter.limit)).all(db).await?;
    Ok(rows.into_iter().map(to_domain).collect())
}

/// Applies `changes` if the model is still at `expected_version` (when given).
pub async fn update(
    db: &impl ConnectionTrait,
    current: &ProductModel,
    expected_version: Option<i64>,
    changes: ModelChanges,
    now: DateTime<Utc>,
) -> Result<ProductModel, StoreError> {
    let mut model = ActiveModel { updated_at: Set(now), version: Set(current.version + 1), ..Default::default() };
    if let Some(brand_id) = changes.brand_id {
        model.brand_id = Set(brand_id);
    }
    if let Some(category_id) = changes.category_id {
        model.category_id = Set(category_id);
    }
    if let Some(sku) = changes.sku {
        model.sku = Set(sku);
    }
    if let Some(name) = changes.name {
        model.name = Set(name);
    }
    if let Some(needs_installation) = changes.needs_installation {
        model.needs_installation = Set(needs_installation);
    }
    if let Some(active) = changes.active {
        model.active = Set(active);
    }
    let expect = Expect {
        id: (Column::Id, current.id.uuid()),
        version: (Column::Version, current.version),
        client_version: expected_version,
    };
    // The brand and category were checked in this transaction, so a conflict here
    // is the SKU.
    update_if_unchanged(db, model, expect).await.map_err(|e| e.explain_conflict(SKU_TAKEN))?;
    find(db, current.id.uuid()).await
}

/// Deletes a model and, with it, its components. Refused while anything else
/// (serials, warranty policies) refers to the model or its components.
pub async fn delete(db: &impl ConnectionTrait, id: Uuid) -> Result<(), StoreError> {
    Entity::delete_by_id(id).exec(db).await.map_err(|e| {
        StoreError::from(e)
            .explain_conflict("the model is still referenced (serials, warranties); mark it inactive instead")
    })?;
    Ok(())
}
