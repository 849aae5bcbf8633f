use aftersales_domain::serials::SerialUnit;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use crate::entities::serials::{ActiveModel, Column, Entity, Model};
use crate::versioned::{Expect, update_if_unchanged};
use crate::{StoreError, fetch_size};

/// The message of a 409 when a serial or card number is taken.
pub const SERIAL_TAKEN: &str = "the brand already has a unit with this serial, or the warranty card is on another unit";

/// The facts of a unit as registered; `serial_key` already normalised.
#[derive(Debug, Clone, Default)]
pub struct UnitFacts {
    pub lot: Option<String>,
    pub manufacture_date: Option<NaiveDate>,
    pub sale_date: Option<NaiveDate>,
    pub sale_document: Option<String>,
    pub seller: Option<String>,
    pub delivery_date: Option<NaiveDate>,
    pub installation_date: Option<NaiveDate>,
    pub installation_address: Option<String>,
    pub registration_date: Option<NaiveDate>,
    pub warranty_card_number: Option<String>,
    pub owner_customer_id: Option<Uuid>,
}

impl UnitFacts {
    /// The unit's facts as they are, to change some of them.
    pub fn of(u: &SerialUnit) -> Self {
        UnitFacts {
            lot: u.lot.clone(),
            manufacture_date: u.manufacture_date,
            sale_date: u.sale_date,
            sale_document: u.sale_document.clone(),
            seller: u.seller.clone(),
            delivery_date: u.delivery_date,
            installation_date: u.installation_date,
            installation_address: u.installation_address.clone(),
            registration_date: u.registration_date,
            warranty_card_number: u.warranty_card_number.clone(),
            owner_customer_id: u.owner_customer_id.map(uuid::Uuid::from),
        }
    }
}

pub struct NewUnit {
    pub id: Uuid,
    pub brand_id: Uuid,
    pub model_id: Uuid,
    pub serial: String,
    pub serial_key: String,
    pub facts: UnitFacts,
}

fn to_domain(m: Model) -> SerialUnit {
    SerialUnit {
        id: m.id.into(),
        brand_id: m.brand_id.into(),
        model_id: m.model_id.into(),
        serial: m.serial,
        serial_key: m.serial_key,
        lot: m.lot,
        manufacture_date: m.manufacture_date,
        sale_date: m.sale_date,
        sale_document: m.sale_document,
        seller: m.seller,
        delivery_date: m.delivery_date,
        installation_date: m.installation_date,
        installation_address: m.installation_address,
        registration_date: m.registration_date,
        warranty_card_number: m.warranty_card_number,
        owner_customer_id: m.owner_customer_id.map(Into::into),
        created_at: m.created_at,
        updated_at: m.updated_at,
        version: m.version,
    }
}

fn facts_model(f: UnitFacts) -> ActiveModel {
    ActiveModel {
        lot: Set(f.lot),
        manufacture_date: Set(f.manufacture_date),
        sale_date: Set(f.sale_date),
        sale_document: Set(f.sale_document),
        seller: Set(f.seller),
        delivery_date: Set(f.delivery_date),
        installation_date: Set(f.installation_date),
        installation_address: Set(f.installation_address),
        registration_date: Set(f.registration_date),
        warranty_card_number: Set(f.warranty_card_number),
        owner_customer_id: Set(f.owner_customer_id),
        ..Default::default()
    }
}

pub async fn insert(db: &impl ConnectionTrait, new: NewUnit, now: DateTime<Utc>) -> Result<SerialUnit, StoreError> {
    let mut model = facts_model(new.facts);
    model.id = Set(new.id);
    model.brand_id = Set(new.brand_id);
    model.model_id = Set(new.model_id);
    model.serial = Set(new.serial);
    model.serial_key = Set(new.serial_key);
    model.created_at = Set(now);
    model.updated_at = Set(now);
    model.version = Set(1);
    let row = model.insert(db).await.map_err(|e| StoreError::from(e).explain_conflict(SERIAL_TAKEN))?;
    Ok(to_domain(row))
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<SerialUnit, StoreError> {
    Entity::find_by_id(id).one(db).await?.map(to_domain).ok_or(StoreError::NotFound)
}

/// Ways to find units; every given key must match. Ordered by id (creation).
#[derive(Debug, Clone, Default)]
pub struct UnitLookup {
    pub serial_key: Option<String>,
    pub brand_id: Option<Uuid>,
    pub model_id: Option<Uuid>,
    pub warranty_card_number: Option<String>,
    pub sale_document: Option<String>,
    /// Units owned by any of these customers (e.g. found by phone).
    pub owner_customer_ids: Option<Vec<Uuid>>,
    pub after_id: Option<Uuid>,
    pub limit: u32,
}

pub async fn lookup(db: &impl ConnectionTrait, q: UnitLookup) -> Result<Vec<SerialUnit>, StoreError> {
    let mut query = Entity::find();
    if let Some(v) = q.serial_key {
        query = query.filter(Column::SerialKey.eq(v));
    }
    if let Some(v) = q.brand_id {
        query = query.filter(Column::BrandId.eq(v));
    }
    if let Some(v) = q.model_id {
        query = query.filter(Column::ModelId.eq(v));
    }
    if let Some(v) = q.warranty_card_number {
        query = query.filter(Column::WarrantyCardNumber.eq(v));
    }
    if let Some(v) = q.sale_document {
        query = query.filter(Column::SaleDocument.eq(v));
    }
    if let Some(ids) = q.owner_customer_ids {
        query = query.filter(Column::OwnerCustomerId.is_in(ids));
    }
    if let Some(after) = q.after_id {
        query = query.filter(Column::Id.gt(after));
    }
    let rows = query.order_by_asc(Column::Id).limit(fetch_size(q.limit)).all(db).await?;
    Ok(rows.into_iter().map(to_domain).collect())
}

/// Replaces the unit's facts if it is still at the version read (and the client's
/// `If-Match`, when sent, names that version).
pub async fn update_facts(
    db: &impl ConnectionTrait,
    current: &SerialUnit,
    client_version: Option<i64>,
    facts: UnitFacts,
    now: DateTime<Utc>,
) -> Result<SerialUnit, StoreError> {
    let mut model = facts_model(facts);
    model.updated_at = Set(now);
    model.version = Set(current.version + 1);
    let expect =
        Expect { id: (Column::Id, current.id.uuid()), version: (Column::Version, current.version), client_version };
    update_if_unchanged(db, model, expect).await.map_err(|e| e.explain_conflict(SERIAL_TAKEN))?;
    find(db, current.id.uuid()).await
}
