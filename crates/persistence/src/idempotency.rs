//! Replayed requests: the first answer to a request with an `Idempotency-Key` is
//! kept, so that the same request sent again (a retry after a timeout) gets that
//! answer back instead of moving stock twice.
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, Set, Statement, Value,
};
use uuid::Uuid;

use crate::StoreError;
use crate::entities::idempotency_keys::{ActiveModel, Column, Entity};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAnswer {
    /// SHA-256 of the method, path and body the key was first used with.
    pub request_hash: String,
    pub status: u16,
    pub body: String,
}

/// The answer kept under the caller's key, looked up inside the write transaction
/// `db` after taking the key's turn: two requests with the same key at the same
/// moment run one after the other, so the second finds what the first kept.
///
/// On SQLite the transaction already holds the database's write lock (`BEGIN
/// IMMEDIATE`), which serialises them. PostgreSQL locks rows, and there is no row
/// yet: a transaction-scoped advisory lock on the key stands in for it, given up
/// when the first transaction commits or rolls back. The lock is taken in its own
/// statement before the look-up, so under READ COMMITTED the look-up sees what the
/// first transaction committed.
pub async fn lock_and_find(
    db: &impl ConnectionTrait,
    actor_id: Uuid,
    key: &str,
) -> Result<Option<StoredAnswer>, StoreError> {
    if db.get_database_backend() == DbBackend::Postgres {
        let name = Value::from(format!("idempotency\n{actor_id}\n{key}"));
        let lock = Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
            [name],
        );
        db.execute_raw(lock).await?;
    }
    find(db, actor_id, key).await
}

pub async fn find(db: &impl ConnectionTrait, actor_id: Uuid, key: &str) -> Result<Option<StoredAnswer>, StoreError> {
    let row = Entity::find_by_id((actor_id, key.to_owned())).one(db).await?;
    Ok(row.map(|r| StoredAnswer {
        request_hash: r.request_hash,
        status: u16::try_from(r.status).unwrap_or(200),
        body: r.response,
    }))
}

/// Keeps the answer, in the transaction that made it.
pub async fn store(
    db: &impl ConnectionTrait,
    actor_id: Uuid,
    key: &str,
    answer: StoredAnswer,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    ActiveModel {
        actor_id: Set(actor_id),
        key: Set(key.to_owned()),
        request_hash: Set(answer.request_hash),
        status: Set(i32::from(answer.status)),
        response: Set(answer.body),
        created_at: Set(now),
    }
    .insert(db)
    .await
    .map_err(|e| match StoreError::from(e) {
        // Only when the key's turn was not taken first (`lock_and_find`).
        StoreError::Conflict(_) => {
            StoreError::Conflict("a request with this Idempotency-Key was made at the same time; send it again".into())
        }
        other => other,
    })?;
    Ok(())
}

/// Forgets the answers kept before `cutoff`; how many.
pub async fn purge_before(db: &impl ConnectionTrait, cutoff: DateTime<Utc>) -> Result<u64, StoreError> {
    let done = Entity::delete_many().filter(Column::CreatedAt.lt(cutoff)).exec(db).await?;
    Ok(done.rows_affected)
}
