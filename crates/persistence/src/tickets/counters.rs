//! Gapless ticket numbers: one counter row per branch, kind and year, bumped inside
//! the intake's transaction. The row lock (PostgreSQL) or the single writer
//! (SQLite) orders concurrent intakes; a rolled-back intake gives its number back.
use aftersales_domain::tickets::TicketKind;
use sea_orm::{ConnectionTrait, Statement};
use uuid::Uuid;

use crate::StoreError;

/// The next sequence number, starting at 1 for each branch, kind and year.
pub async fn next(db: &impl ConnectionTrait, branch_id: Uuid, kind: TicketKind, year: i32) -> Result<i64, StoreError> {
    let backend = db.get_database_backend();
    let sql = match backend {
        sea_orm::DbBackend::Postgres => {
            "INSERT INTO ticket_counters (branch_id, kind, year, last_number) VALUES ($1, $2, $3, 1) \
             ON CONFLICT (branch_id, kind, year) DO UPDATE SET last_number = ticket_counters.last_number + 1 \
             RETURNING last_number"
        }
        _ => {
            "INSERT INTO ticket_counters (branch_id, kind, year, last_number) VALUES (?, ?, ?, 1) \
             ON CONFLICT (branch_id, kind, year) DO UPDATE SET last_number = ticket_counters.last_number + 1 \
             RETURNING last_number"
        }
    };
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [branch_id.into(), kind.as_str().into(), year.into()],
        ))
        .await?
        .ok_or_else(|| StoreError::Corrupt("the ticket counter returned no row".into()))?;
    Ok(row.try_get::<i64>("", "last_number")?)
}

/// Raises the counter to `last_number` unless it is already past it: for rows
/// written in bulk, so that the next intake goes on from the last number used.
pub async fn raise_to(
    db: &impl ConnectionTrait,
    branch_id: Uuid,
    kind: TicketKind,
    year: i32,
    last_number: i64,
) -> Result<(), StoreError> {
    let backend = db.get_database_backend();
    let sql = match backend {
        sea_orm::DbBackend::Postgres => {
            "INSERT INTO ticket_counters (branch_id, kind, year, last_number) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (branch_id, kind, year) \
             DO UPDATE SET last_number = GREATEST(ticket_counters.last_number, excluded.last_number)"
        }
        _ => {
            "INSERT INTO ticket_counters (branch_id, kind, year, last_number) VALUES (?, ?, ?, ?) \
             ON CONFLICT (branch_id, kind, year) \
             DO UPDATE SET last_number = MAX(ticket_counters.last_number, excluded.last_number)"
        }
    };
    let values = [branch_id.into(), kind.as_str().into(), year.into(), last_number.into()];
    db.execute_raw(Statement::from_sql_and_values(backend, sql, values)).await?;
    Ok(())
}
