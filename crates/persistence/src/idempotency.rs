//! Replayed requests: the first answer to a request with an `Idempotency-Key` is
//! kept, so that the same request sent again (a retry after a timeout) gets that
//! answer back instead of moving stock twice.
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};
use uuid::Uuid;

use crate::StoreError;
use crate::entities::idempotency_keys::{ActiveModel, Entity};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAnswer {
    /// SHA-256 of the method, path and body the key was first used with.
    pub request_hash: String,
    pub status: u16,
    pub body: String,
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
        StoreError::Conflict(_) => {
            StoreError::Conflict("a request with this Idempotency-Key was made at the same time; send it again".into())
        }
        other => other,
    })?;
    Ok(())
}
