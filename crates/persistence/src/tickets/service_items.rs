//! The service catalogue: coded, priced services per product category. Prices are
//! in the currency's minor units.
use crate::money::money;
use aftersales_domain::money::Money;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use super::fault_codes::{names_from, names_json};
use crate::entities::service_items::{ActiveModel, Column, Entity, Model};
use crate::versioned::{Expect, update_if_unchanged};
use crate::{StoreError, fetch_size};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceItem {
    pub id: Uuid,
    pub category_id: Uuid,
    pub code: String,
    /// Language → name.
    pub names: BTreeMap<String, String>,
    pub price: Money,
    pub standard_minutes: i32,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

pub struct NewServiceItem {
    pub category_id: Uuid,
    /// Already trimmed and upper-cased.
    pub code: String,
    pub names: BTreeMap<String, String>,
    pub price: Money,
    pub standard_minutes: i32,
}

/// Fields to change; `None` leaves a field as it is. A price is its minor units
/// and its currency together.
#[derive(Default)]
pub struct ServiceItemChanges {
    pub names: Option<BTreeMap<String, String>>,
    pub price: Option<Money>,
    pub standard_minutes: Option<i32>,
    pub active: Option<bool>,
}

#[derive(Default)]
pub struct ServiceItemFilter {
    pub category_id: Option<Uuid>,
    pub active: Option<bool>,
    /// Keyset cursor: code and id of the last row of the previous page.
    pub after: Option<(String, Uuid)>,
    pub limit: u32,
}

fn to_item(m: Model) -> Result<ServiceItem, StoreError> {
    Ok(ServiceItem {
        names: names_from(&m.names)?,
        id: m.id,
        category_id: m.category_id,
        code: m.code,
        price: money(m.price_minor, &m.currency)?,
        standard_minutes: m.standard_minutes,
        active: m.active,
        created_at: m.created_at,
        updated_at: m.updated_at,
        version: m.version,
    })
}

pub async fn insert(
    db: &impl ConnectionTrait,
    new: NewServiceItem,
    now: DateTime<Utc>,
) -> Result<ServiceItem, StoreError> {
    let duplicate = format!("this category's service catalogue already has the code {}", new.code);
    let model = ActiveModel {
        id: Set(Uuid::now_v7()),
        category_id: Set(new.category_id),
        code: Set(new.code),
        names: Set(names_json(&new.names)),
        price_minor: Set(new.price.minor()),
        currency: Set(new.price.currency().code().to_owned()),
        standard_minutes: Set(new.standard_minutes),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
    .insert(db)
    .await
    .map_err(|e| StoreError::from_write(e, &duplicate, "the product category no longer exists"))?;
    to_item(model)
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<ServiceItem, StoreError> {
    Entity::find_by_id(id).one(db).await?.map(to_item).ok_or(StoreError::NotFound)?
}

/// Items ordered by code (then id).
pub async fn list(db: &impl ConnectionTrait, filter: ServiceItemFilter) -> Result<Vec<ServiceItem>, StoreError> {
    let mut query = Entity::find().filter(crate::after_key(Column::Code, Column::Id, filter.after));
    if let Some(category) = filter.category_id {
        query = query.filter(Column::CategoryId.eq(category));
    }
    if let Some(active) = filter.active {
        query = query.filter(Column::Active.eq(active));
    }
    let rows =
        query.order_by_asc(Column::Code).order_by_asc(Column::Id).limit(fetch_size(filter.limit)).all(db).await?;
    rows.into_iter().map(to_item).collect()
}

/// Applies `changes` if the item is still at `expected_version` (when given).
pub async fn update(
    db: &impl ConnectionTrait,
    current: &ServiceItem,
    expected_version: Option<i64>,
    changes: ServiceItemChanges,
    now: DateTime<Utc>,
) -> Result<ServiceItem, StoreError> {
    let mut model = ActiveModel { updated_at: Set(now), version: Set(current.version + 1), ..Default::default() };
    if let Some(names) = &changes.names {
        model.names = Set(names_json(names));
    }
    if let Some(price) = changes.price {
        model.price_minor = Set(price.minor());
        model.currency = Set(price.currency().code().to_owned());
    }
    if let Some(minutes) = changes.standard_minutes {
        model.standard_minutes = Set(minutes);
    }
    if let Some(active) = changes.active {
        model.active = Set(active);
    }
    let expect = Expect {
        id: (Column::Id, current.id),
        version: (Column::Version, current.version),
        client_version: expected_version,
    };
    update_if_unchanged(db, model, expect).await?;
    find(db, current.id).await
}

/// Deletes an item no labour line was taken from.
pub async fn delete(db: &impl ConnectionTrait, id: Uuid) -> Result<(), StoreError> {
    Entity::delete_by_id(id).exec(db).await.map_err(|e| {
        StoreError::from(e).explain_conflict(
            "labour lines were recorded from this service item; mark it inactive (active: false) instead",
        )
    })?;
    Ok(())
}
