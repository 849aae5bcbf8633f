//! The parts catalogue: spare parts by brand and SKU, the product models each one
//! fits, its unit, standard cost and selling price (minor units of one currency).
use crate::money::money;
use aftersales_domain::money::{Currency, Money};
use std::collections::BTreeMap;

use aftersales_domain::text_fold::fold;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use crate::entities::part_models;
use crate::entities::parts::{ActiveModel, Column, Entity, Model};
use crate::versioned::{Expect, update_if_unchanged};
use crate::{StoreError, fetch_size, text};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub id: Uuid,
    pub brand_id: Uuid,
    /// Trimmed and upper-case; unique per brand.
    pub sku: String,
    pub name: String,
    /// The component of the product this part is (`compressor`, `pcb`…).
    pub component_code: Option<String>,
    pub unit: String,
    pub serialised: bool,
    /// The standard cost and the price are in one currency, the part's.
    pub standard_cost: Money,
    pub price: Money,
    pub reorder_point: i32,
    /// The product models the part fits, in id order.
    pub model_ids: Vec<Uuid>,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

impl Part {
    /// The currency of the part's cost and price.
    pub fn currency(&self) -> Currency {
        self.price.currency()
    }
}

pub struct NewPart {
    pub brand_id: Uuid,
    /// Already normalised.
    pub sku: String,
    pub name: String,
    pub component_code: Option<String>,
    pub unit: String,
    pub serialised: bool,
    /// In one currency.
    pub standard_cost: Money,
    pub price: Money,
    pub reorder_point: i32,
    /// Checked by the caller: existing models of the part's brand, without repeats.
    pub model_ids: Vec<Uuid>,
}

/// Fields to change; `None` leaves a field as it is (`Some(None)` clears).
#[derive(Default)]
pub struct PartChanges {
    pub sku: Option<String>,
    pub name: Option<String>,
    pub component_code: Option<Option<String>>,
    pub unit: Option<String>,
    pub serialised: Option<bool>,
    /// A new standard cost or price (or both) may change the part's currency: the
    /// caller sends both in one currency then.
    pub standard_cost: Option<Money>,
    pub price: Option<Money>,
    pub reorder_point: Option<i32>,
    /// Replaces every compatible model.
    pub model_ids: Option<Vec<Uuid>>,
    pub active: Option<bool>,
}

#[derive(Default)]
pub struct PartFilter {
    pub brand_id: Option<Uuid>,
    /// Parts that fit this product model.
    pub model_id: Option<Uuid>,
    pub component_code: Option<String>,
    /// Found in the SKU or the name, folded (case, diacritics) on both sides.
    pub q: Option<String>,
    pub active: Option<bool>,
    /// Keyset cursor: SKU and id of the last part of the previous page.
    pub after: Option<(String, Uuid)>,
    pub limit: u32,
}

fn duplicate(sku: &str) -> String {
    format!("the brand already has a part with the SKU {sku}")
}

fn to_part(m: Model, model_ids: Vec<Uuid>) -> Result<Part, StoreError> {
    Ok(Part {
        id: m.id,
        brand_id: m.brand_id,
        sku: m.sku,
        name: m.name,
        component_code: m.component_code,
        unit: m.unit,
        serialised: m.serialised,
        standard_cost: money(m.standard_cost_minor, &m.currency)?,
        price: money(m.price_minor, &m.currency)?,
        reorder_point: m.reorder_point,
        model_ids,
        active: m.active,
        created_at: m.created_at,
        updated_at: m.updated_at,
        version: m.version,
    })
}

async fn link_models(db: &impl ConnectionTrait, part_id: Uuid, model_ids: &[Uuid]) -> Result<(), StoreError> {
    part_models::Entity::delete_many().filter(part_models::Column::PartId.eq(part_id)).exec(db).await?;
    if model_ids.is_empty() {
        return Ok(());
    }
    let rows =
        model_ids.iter().map(|&model_id| part_models::ActiveModel { part_id: Set(part_id), model_id: Set(model_id) });
    part_models::Entity::insert_many(rows)
        .exec_without_returning(db)
        .await
        .map_err(|e| StoreError::from(e).explain_conflict("a compatible product model no longer exists"))?;
    Ok(())
}

/// The parts with their compatible models, read in one query.
async fn with_models(db: &impl ConnectionTrait, rows: Vec<Model>) -> Result<Vec<Part>, StoreError> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let links = part_models::Entity::find()
        .filter(part_models::Column::PartId.is_in(ids))
        .order_by_asc(part_models::Column::ModelId)
        .all(db)
        .await?;
    let mut by_part: BTreeMap<Uuid, Vec<Uuid>> = BTreeMap::new();
    for link in links {
        by_part.entry(link.part_id).or_default().push(link.model_id);
    }
    rows.into_iter()
        .map(|m| {
            let models = by_part.remove(&m.id).unwrap_or_default();
            to_part(m, models)
        })
        .collect()
}

pub async fn insert(db: &impl ConnectionTrait, new: NewPart, now: DateTime<Utc>) -> Result<Part, StoreError> {
    let id = Uuid::now_v7();
    let taken = duplicate(&new.sku);
    ActiveModel {
        id: Set(id),
        brand_id: Set(new.brand_id),
        search_key: Set(search_key(&new.sku, &new.name)),
        sku: Set(new.sku),
        name: Set(new.name),
        component_code: Set(new.component_code),
        unit: Set(new.unit),
        serialised: Set(new.serialised),
        standard_cost_minor: Set(new.standard_cost.minor()),
        price_minor: Set(new.price.minor()),
        currency: Set(new.price.currency().code().to_owned()),
        reorder_point: Set(new.reorder_point),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
    .insert(db)
    .await
    .map_err(|e| StoreError::from_write(e, &taken, "the brand no longer exists"))?;
    link_models(db, id, &new.model_ids).await?;
    find(db, id).await
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Part, StoreError> {
    let row = Entity::find_by_id(id).one(db).await?.ok_or(StoreError::NotFound)?;
    with_models(db, vec![row]).await?.pop().ok_or(StoreError::NotFound)
}

/// What a search matches: the SKU and the name, folded.
pub(crate) fn search_key(sku: &str, name: &str) -> String {
    format!("{} {}", fold(sku), fold(name))
}

/// Parts ordered by SKU, then id: up to `limit + 1`, the extra one saying another
/// page follows.
pub async fn list(db: &impl ConnectionTrait, filter: PartFilter) -> Result<Vec<Part>, StoreError> {
    let mut query = Entity::find();
    if let Some(brand_id) = filter.brand_id {
        query = query.filter(Column::BrandId.eq(brand_id));
    }
    if let Some(model_id) = filter.model_id {
        let fitting = Query::select()
            .column(part_models::Column::PartId)
            .from(part_models::Entity)
            .and_where(Expr::col(part_models::Column::ModelId).eq(model_id))
            .to_owned();
        query = query.filter(Column::Id.in_subquery(fitting));
    }
    if let Some(code) = filter.component_code {
        query = query.filter(Column::ComponentCode.eq(code));
    }
    if let Some(active) = filter.active {
        query = query.filter(Column::Active.eq(active));
    }
    if let Some(needle) = filter.q.as_deref().map(fold).filter(|q| !q.is_empty()) {
        query = query.filter(text::folded_contains(Column::SearchKey, &needle));
    }
    let found = query
        .filter(crate::after_key(Column::Sku, Column::Id, filter.after))
        .order_by_asc(Column::Sku)
        .order_by_asc(Column::Id)
        .limit(fetch_size(filter.limit))
        .all(db)
        .await?;
    with_models(db, found).await
}

/// Applies `changes` if the part is still at `expected_version` (when given).
pub async fn update(
    db: &impl ConnectionTrait,
    current: &Part,
    expected_version: Option<i64>,
    changes: PartChanges,
    now: DateTime<Utc>,
) -> Result<Part, StoreError> {
    let mut model = ActiveModel { updated_at: Set(now), version: Set(current.version + 1), ..Default::default() };
    let taken = duplicate(changes.sku.as_deref().unwrap_or(&current.sku));
    if changes.sku.is_some() || changes.name.is_some() {
        let sku = changes.sku.as_deref().unwrap_or(&current.sku);
        let name = changes.name.as_deref().unwrap_or(&current.name);
        model.search_key = Set(search_key(sku, name));
    }
    if let Some(sku) = changes.sku {
        model.sku = Set(sku);
    }
    if let Some(name) = changes.name {
        model.name = Set(name);
    }
    if let Some(code) = changes.component_code {
        model.component_code = Set(code);
    }
    if let Some(unit) = changes.unit {
        model.unit = Set(unit);
    }
    if let Some(serialised) = changes.serialised {
        model.serialised = Set(serialised);
    }
    if let Some(cost) = changes.standard_cost {
        model.standard_cost_minor = Set(cost.minor());
        model.currency = Set(cost.currency().code().to_owned());
    }
    if let Some(price) = changes.price {
        model.price_minor = Set(price.minor());
        model.currency = Set(price.currency().code().to_owned());
    }
    if let Some(point) = changes.reorder_point {
        model.reorder_point = Set(point);
    }
    if let Some(active) = changes.active {
        model.active = Set(active);
    }
    let expect = Expect {
        id: (Column::Id, current.id),
        version: (Column::Version, current.version),
        client_version: expected_version,
    };
    // The brand stays, so a conflict here is the SKU.
    update_if_unchanged(db, model, expect).await.map_err(|e| e.explain_conflict(&taken))?;
    if let Some(model_ids) = changes.model_ids {
        link_models(db, current.id, &model_ids).await?;
    }
    find(db, current.id).await
}
