//! Many units at once, for imports: what is already taken (loaded once, not a query
//! per row) and a chunked insert of units with one `imported` event each.
use std::collections::HashSet;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set};
use uuid::Uuid;

use super::{NewUnit, SERIAL_TAKEN};
use crate::StoreError;
use crate::bulk::insert_all;
use crate::entities::{serial_events, serials};

/// Card numbers per look-up: an `IN` list well under the bind-parameter limits.
const CARDS_PER_QUERY: usize = 1000;

/// Serial keys already registered under the given brands, as (brand, key).
pub async fn taken_serials(
    db: &impl ConnectionTrait,
    brand_ids: Vec<Uuid>,
) -> Result<HashSet<(Uuid, String)>, StoreError> {
    let mut taken = HashSet::new();
    for ids in brand_ids.chunks(500) {
        let rows: Vec<(Uuid, String)> = serials::Entity::find()
            .select_only()
            .column(serials::Column::BrandId)
            .column(serials::Column::SerialKey)
            .filter(serials::Column::BrandId.is_in(ids.to_vec()))
            .into_tuple()
            .all(db)
            .await?;
        taken.extend(rows);
    }
    Ok(taken)
}

/// Warranty card numbers among `cards` that are already on a unit.
pub async fn taken_cards(db: &impl ConnectionTrait, cards: Vec<String>) -> Result<HashSet<String>, StoreError> {
    let mut taken = HashSet::new();
    for chunk in cards.chunks(CARDS_PER_QUERY) {
        let rows: Vec<Option<String>> = serials::Entity::find()
            .select_only()
            .column(serials::Column::WarrantyCardNumber)
            .filter(serials::Column::WarrantyCardNumber.is_in(chunk.to_vec()))
            .into_tuple()
            .all(db)
            .await?;
        taken.extend(rows.into_iter().flatten());
    }
    Ok(taken)
}

fn unit_model(new: NewUnit, now: DateTime<Utc>) -> serials::ActiveModel {
    let f = new.facts;
    serials::ActiveModel {
        id: Set(new.id),
        brand_id: Set(new.brand_id),
        model_id: Set(new.model_id),
        serial: Set(new.serial),
        serial_key: Set(new.serial_key),
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
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
}

/// Inserts every unit and its `imported` event (with `details`) on `db`, which
/// should be the one transaction of the import. Returns how many were inserted.
pub async fn insert_units(
    db: &impl ConnectionTrait,
    units: Vec<NewUnit>,
    actor_id: Option<Uuid>,
    details: &serde_json::Value,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let details = details.to_string();
    let events: Vec<serial_events::ActiveModel> = units
        .iter()
        .map(|u| serial_events::ActiveModel {
            id: Set(Uuid::now_v7()),
            serial_id: Set(u.id),
            at: Set(now),
            kind: Set("imported".into()),
            actor_id: Set(actor_id),
            details: Set(details.clone()),
        })
        .collect();
    let rows = units.into_iter().map(|u| unit_model(u, now));
    let inserted = insert_all(db, rows).await.map_err(|e| StoreError::from(e).explain_conflict(SERIAL_TAKEN))?;
    insert_all(db, events).await?;
    Ok(inserted)
}

/// Units as exported, oldest first, optionally of one brand or one model.
pub async fn units_for_export(
    db: &impl ConnectionTrait,
    brand_id: Option<Uuid>,
    model_id: Option<Uuid>,
) -> Result<Vec<ExportUnit>, StoreError> {
    use sea_orm::QueryOrder;
    let mut q = serials::Entity::find();
    if let Some(id) = brand_id {
        q = q.filter(serials::Column::BrandId.eq(id));
    }
    if let Some(id) = model_id {
        q = q.filter(serials::Column::ModelId.eq(id));
    }
    let rows = q.order_by_asc(serials::Column::Id).all(db).await?;
    Ok(rows
        .into_iter()
        .map(|m| ExportUnit {
            brand_id: m.brand_id,
            model_id: m.model_id,
            serial: m.serial,
            facts: super::UnitFacts {
                lot: m.lot,
                manufacture_date: m.manufacture_date,
                sale_date: m.sale_date,
                sale_document: m.sale_document,
                seller: m.seller,
                delivery_date: m.delivery_date,
                installation_date: m.installation_date,
                warranty_card_number: m.warranty_card_number,
                ..Default::default()
            },
        })
        .collect())
}

pub struct ExportUnit {
    pub brand_id: Uuid,
    pub model_id: Uuid,
    pub serial: String,
    pub facts: super::UnitFacts,
}
