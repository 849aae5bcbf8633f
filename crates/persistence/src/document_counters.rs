//! Gapless numbers of stock documents: one counter row per branch, series and
//! year, bumped inside the transaction that creates the document. The row lock
//! (PostgreSQL) or the single writer (SQLite) orders concurrent creations; a
//! rolled-back creation gives its number back.
use aftersales_domain::stock::numbering::DocumentSeries;
use sea_orm::{ConnectionTrait, Statement};
use uuid::Uuid;

use crate::StoreError;

/// The next sequence number, starting at 1 for each branch, series and year.
pub async fn next(
    db: &impl ConnectionTrait,
    branch_id: Uuid,
    series: DocumentSeries,
    year: i32,
) -> Result<i64, StoreError> {
    let backend = db.get_database_backend();
    let sql = match backend {
        sea_orm::DbBackend::Postgres => {
            "INSERT INTO stock_document_counters (branch_id, series, year, last_number) VALUES ($1, $2, $3, 1) \
             ON CONFLICT (branch_id, series, year) DO UPDATE \
             SET last_number = stock_document_counters.last_number + 1 RETURNING last_number"
        }
        _ => {
            "INSERT INTO stock_document_counters (branch_id, series, year, last_number) VALUES (?, ?, ?, 1) \
             ON CONFLICT (branch_id, series, year) DO UPDATE \
             SET last_number = stock_document_counters.last_number + 1 RETURNING last_number"
        }
    };
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [branch_id.into(), series.as_str().into(), year.into()],
        ))
        .await?
        .ok_or_else(|| StoreError::Corrupt("the document counter returned no row".into()))?;
    Ok(row.try_get::<i64>("", "last_number")?)
}
