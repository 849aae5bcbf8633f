//! Bulk import jobs: created when a file arrives, updated as its rows are checked,
//! finished once with the outcome.
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use serde_json::Value;
use uuid::Uuid;

use crate::entities::import_jobs::{ActiveModel, Column, Entity, Model};
use crate::{StoreError, fetch_size};

#[derive(Debug, Clone, PartialEq)]
pub struct ImportJob {
    pub id: Uuid,
    pub kind: String,
    pub dry_run: bool,
    /// `running`, `succeeded` or `failed`.
    pub status: String,
    pub file_name: Option<String>,
    pub total_rows: i64,
    pub processed_rows: i64,
    pub error_count: i64,
    /// JSON array of `{row, column, message}`.
    pub errors: Value,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

pub struct NewJob {
    pub kind: String,
    pub dry_run: bool,
    pub file_name: Option<String>,
    pub total_rows: i64,
    pub created_by: Option<Uuid>,
}

fn to_job(m: Model) -> ImportJob {
    ImportJob {
        id: m.id,
        kind: m.kind,
        dry_run: m.dry_run,
        status: m.status,
        file_name: m.file_name,
        total_rows: m.total_rows,
        processed_rows: m.processed_rows,
        error_count: m.error_count,
        errors: serde_json::from_str(&m.errors).unwrap_or(Value::Array(Vec::new())),
        created_by: m.created_by,
        created_at: m.created_at,
        finished_at: m.finished_at,
    }
}

pub async fn create(db: &impl ConnectionTrait, new: NewJob, now: DateTime<Utc>) -> Result<ImportJob, StoreError> {
    let row = ActiveModel {
        id: Set(Uuid::now_v7()),
        kind: Set(new.kind),
        dry_run: Set(new.dry_run),
        status: Set("running".into()),
        file_name: Set(new.file_name),
        total_rows: Set(new.total_rows),
        processed_rows: Set(0),
        error_count: Set(0),
        errors: Set("[]".into()),
        created_by: Set(new.created_by),
        created_at: Set(now),
        finished_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok(to_job(row))
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<ImportJob, StoreError> {
    Entity::find_by_id(id).one(db).await?.map(to_job).ok_or(StoreError::NotFound)
}

/// Newest first; `before` is the id of the last job of the previous page.
pub async fn list(db: &impl ConnectionTrait, before: Option<Uuid>, limit: u32) -> Result<Vec<ImportJob>, StoreError> {
    let mut query = Entity::find();
    if let Some(id) = before {
        query = query.filter(Column::Id.lt(id));
    }
    let rows = query.order_by_desc(Column::Id).limit(fetch_size(limit)).all(db).await?;
    Ok(rows.into_iter().map(to_job).collect())
}

pub async fn set_progress(db: &impl ConnectionTrait, id: Uuid, processed_rows: i64) -> Result<(), StoreError> {
    let model = ActiveModel { id: Set(id), processed_rows: Set(processed_rows), ..Default::default() };
    Entity::update(model).exec(db).await?;
    Ok(())
}

/// The outcome: `errors` is the stored (capped) list, `error_count` all of them.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub succeeded: bool,
    pub processed_rows: i64,
    pub error_count: i64,
    pub errors: Value,
}

pub async fn finish(
    db: &impl ConnectionTrait,
    id: Uuid,
    outcome: Outcome,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let Some(row) = Entity::find_by_id(id).one(db).await? else {
        return Err(StoreError::NotFound);
    };
    let mut model = row.into_active_model();
    model.status = Set(if outcome.succeeded { "succeeded" } else { "failed" }.into());
    model.processed_rows = Set(outcome.processed_rows);
    model.error_count = Set(outcome.error_count);
    model.errors = Set(outcome.errors.to_string());
    model.finished_at = Set(Some(now));
    model.update(db).await?;
    Ok(())
}
