//! The code lists of a product category: symptoms reported at intake, diagnoses and
//! resolutions recorded by the technician.
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Query;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use uuid::Uuid;

use crate::entities::fault_codes::{ActiveModel, Column, Entity, Model};
use crate::entities::{product_models, tickets};
use crate::versioned::{Expect, update_if_unchanged};
use crate::{StoreError, fetch_size, text};

pub const SYMPTOM: &str = "symptom";
pub const DIAGNOSIS: &str = "diagnosis";
pub const RESOLUTION: &str = "resolution";

/// A code of one of a category's lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultCode {
    pub id: Uuid,
    /// [`SYMPTOM`], [`DIAGNOSIS`] or [`RESOLUTION`].
    pub kind: String,
    pub category_id: Uuid,
    pub code: String,
    /// Language → name.
    pub names: BTreeMap<String, String>,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

pub struct NewFaultCode {
    pub kind: String,
    pub category_id: Uuid,
    /// Already trimmed and upper-cased.
    pub code: String,
    pub names: BTreeMap<String, String>,
}

/// Fields to change; `None` leaves a field as it is.
#[derive(Default)]
pub struct FaultCodeChanges {
    pub names: Option<BTreeMap<String, String>>,
    pub active: Option<bool>,
}

#[derive(Default)]
pub struct FaultCodeFilter {
    pub kind: Option<String>,
    pub category_id: Option<Uuid>,
    pub active: Option<bool>,
    /// Keyset cursor: code and id of the last row of the previous page.
    pub after: Option<(String, Uuid)>,
    pub limit: u32,
}

pub(crate) fn names_json(names: &BTreeMap<String, String>) -> String {
    serde_json::to_string(names).unwrap_or_else(|_| "{}".into())
}

pub(crate) fn names_from(json: &str) -> Result<BTreeMap<String, String>, StoreError> {
    serde_json::from_str(json).map_err(|_| StoreError::Corrupt(format!("names `{json}`")))
}

fn to_code(m: Model) -> Result<FaultCode, StoreError> {
    Ok(FaultCode {
        names: names_from(&m.names)?,
        id: m.id,
        kind: m.kind,
        category_id: m.category_id,
        code: m.code,
        active: m.active,
        created_at: m.created_at,
        updated_at: m.updated_at,
        version: m.version,
    })
}

pub async fn insert(db: &impl ConnectionTrait, new: NewFaultCode, now: DateTime<Utc>) -> Result<FaultCode, StoreError> {
    let duplicate = format!("the {} list of this category already has the code {}", new.kind, new.code);
    let model = ActiveModel {
        id: Set(Uuid::now_v7()),
        kind: Set(new.kind),
        category_id: Set(new.category_id),
        code: Set(new.code),
        names: Set(names_json(&new.names)),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
    .insert(db)
    .await
    .map_err(|e| StoreError::from_write(e, &duplicate, "the product category no longer exists"))?;
    to_code(model)
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<FaultCode, StoreError> {
    Entity::find_by_id(id).one(db).await?.map(to_code).ok_or(StoreError::NotFound)?
}

/// Codes ordered by code (then id).
pub async fn list(db: &impl ConnectionTrait, filter: FaultCodeFilter) -> Result<Vec<FaultCode>, StoreError> {
    let mut query = Entity::find().filter(crate::after_key(Column::Code, Column::Id, filter.after));
    if let Some(kind) = filter.kind {
        query = query.filter(Column::Kind.eq(kind));
    }
    if let Some(category) = filter.category_id {
        query = query.filter(Column::CategoryId.eq(category));
    }
    if let Some(active) = filter.active {
        query = query.filter(Column::Active.eq(active));
    }
    let rows =
        query.order_by_asc(Column::Code).order_by_asc(Column::Id).limit(fetch_size(filter.limit)).all(db).await?;
    rows.into_iter().map(to_code).collect()
}

/// Applies `changes` if the code is still at `expected_version` (when given).
pub async fn update(
    db: &impl ConnectionTrait,
    current: &FaultCode,
    expected_version: Option<i64>,
    changes: FaultCodeChanges,
    now: DateTime<Utc>,
) -> Result<FaultCode, StoreError> {
    let mut model = ActiveModel { updated_at: Set(now), version: Set(current.version + 1), ..Default::default() };
    if let Some(names) = &changes.names {
        model.names = Set(names_json(names));
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

/// How many tickets of the code's category carry it (as a symptom, diagnosis or
/// resolution, by its kind).
pub async fn tickets_using(db: &impl ConnectionTrait, code: &FaultCode) -> Result<u64, StoreError> {
    let models_of_category = Query::select()
        .column(product_models::Column::Id)
        .from(product_models::Entity)
        .and_where(product_models::Column::CategoryId.eq(code.category_id))
        .to_owned();
    let carries = match code.kind.as_str() {
        SYMPTOM => text::folded_contains(tickets::Column::FaultCodes, &format!("\"{}\"", code.code)),
        DIAGNOSIS => tickets::Column::DiagnosisCode.eq(code.code.clone()),
        _ => tickets::Column::ResolutionCode.eq(code.code.clone()),
    };
    let n = tickets::Entity::find()
        .filter(tickets::Column::ModelId.in_subquery(models_of_category))
        .filter(carries)
        .count(db)
        .await?;
    Ok(n)
}

pub async fn delete(db: &impl ConnectionTrait, id: Uuid) -> Result<(), StoreError> {
    Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}

/// Those of `codes` that are not active codes of this kind for the category.
pub async fn unknown_codes(
    db: &impl ConnectionTrait,
    kind: &str,
    category_id: Uuid,
    codes: &[String],
) -> Result<Vec<String>, StoreError> {
    if codes.is_empty() {
        return Ok(Vec::new());
    }
    let known: Vec<String> = Entity::find()
        .select_only()
        .column(Column::Code)
        .filter(Column::Kind.eq(kind))
        .filter(Column::CategoryId.eq(category_id))
        .filter(Column::Active.eq(true))
        .filter(Column::Code.is_in(codes.to_vec()))
        .into_tuple()
        .all(db)
        .await?;
    Ok(codes.iter().filter(|c| !known.contains(c)).cloned().collect())
}
