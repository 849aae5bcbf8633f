//! The catalogue as lookup tables for imports and exports, loaded once, and a
//! chunked insert of many product models.
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use super::models::NewModel;
use crate::StoreError;
use crate::bulk::insert_all;
use crate::entities::{brands, product_categories, product_models};

/// Codes, upper-cased, to ids; and product models by (brand, SKU).
#[derive(Debug, Default, Clone)]
pub struct CatalogueIndex {
    pub brands: HashMap<String, Uuid>,
    pub brand_codes: HashMap<Uuid, String>,
    pub categories: HashMap<String, Uuid>,
    pub category_codes: HashMap<Uuid, String>,
    pub models: HashMap<(Uuid, String), Uuid>,
}

pub async fn index(db: &impl ConnectionTrait) -> Result<CatalogueIndex, StoreError> {
    let mut out = CatalogueIndex::default();
    let brands: Vec<(Uuid, String)> = brands::Entity::find()
        .select_only()
        .column(brands::Column::Id)
        .column(brands::Column::Code)
        .into_tuple()
        .all(db)
        .await?;
    for (id, code) in brands {
        out.brands.insert(code.to_uppercase(), id);
        out.brand_codes.insert(id, code);
    }
    let categories: Vec<(Uuid, String)> = product_categories::Entity::find()
        .select_only()
        .column(product_categories::Column::Id)
        .column(product_categories::Column::Code)
        .into_tuple()
        .all(db)
        .await?;
    for (id, code) in categories {
        out.categories.insert(code.to_uppercase(), id);
        out.category_codes.insert(id, code);
    }
    let models: Vec<(Uuid, Uuid, String)> = product_models::Entity::find()
        .select_only()
        .column(product_models::Column::Id)
        .column(product_models::Column::BrandId)
        .column(product_models::Column::Sku)
        .into_tuple()
        .all(db)
        .await?;
    for (id, brand_id, sku) in models {
        out.models.insert((brand_id, sku), id);
    }
    Ok(out)
}

/// Inserts every model on `db` (the import's transaction); returns their ids.
pub async fn insert_models(
    db: &impl ConnectionTrait,
    models: Vec<NewModel>,
    now: DateTime<Utc>,
) -> Result<Vec<Uuid>, StoreError> {
    let mut ids = Vec::with_capacity(models.len());
    let rows = models.into_iter().map(|m| {
        let id = Uuid::now_v7();
        ids.push(id);
        product_models::ActiveModel {
            id: Set(id),
            brand_id: Set(m.brand_id),
            category_id: Set(m.category_id),
            sku: Set(m.sku),
            name: Set(m.name),
            needs_installation: Set(m.needs_installation),
            active: Set(true),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        }
    });
    insert_all(db, rows)
        .await
        .map_err(|e| StoreError::from(e).explain_conflict("the brand already has a model with this SKU"))?;
    Ok(ids)
}

/// A product model as exported: (brand_id, category_id, sku, name, needs_installation).
pub type ModelRow = (Uuid, Uuid, String, String, bool);

/// Every product model, optionally of one brand or one model, by SKU.
pub async fn models_for_export(
    db: &impl ConnectionTrait,
    brand_id: Option<Uuid>,
    model_id: Option<Uuid>,
) -> Result<Vec<ModelRow>, StoreError> {
    use product_models::Column as C;
    let mut q = product_models::Entity::find().select_only().columns([
        C::BrandId,
        C::CategoryId,
        C::Sku,
        C::Name,
        C::NeedsInstallation,
    ]);
    if let Some(id) = brand_id {
        q = q.filter(C::BrandId.eq(id));
    }
    if let Some(id) = model_id {
        q = q.filter(C::Id.eq(id));
    }
    Ok(q.order_by_asc(C::Sku).order_by_asc(C::Id).into_tuple().all(db).await?)
}
