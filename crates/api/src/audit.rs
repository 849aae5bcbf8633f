//! Writing audit rows from handlers: who, which request, what changed.
use aftersales_persistence::{ConnectionTrait, audit};
use chrono::Utc;
use serde::Serialize;
use serde_json::Value;
use uuid::Uuid;

use crate::error::ApiError;
use crate::extract::RequestId;

/// One change to record. `before`/`after` are the wire representations (see
/// [`snapshot`]), so the log shows what an API client would have seen and never
/// a password hash.
pub struct Change<'a> {
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: Uuid,
    pub branch_id: Option<Uuid>,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

pub fn snapshot<T: Serialize>(value: &T) -> Option<Value> {
    serde_json::to_value(value).ok()
}

/// Writes the row on `db`, which should be the transaction of the change itself.
pub async fn record(
    db: &impl ConnectionTrait,
    actor_id: Option<Uuid>,
    request_id: &RequestId,
    change: Change<'_>,
) -> Result<(), ApiError> {
    audit::record(
        db,
        audit::AuditRecord {
            id: Uuid::now_v7(),
            at: Utc::now(),
            actor_id,
            branch_id: change.branch_id,
            action: change.action.to_owned(),
            entity: change.entity.to_owned(),
            entity_id: change.entity_id.to_string(),
            before: change.before,
            after: change.after,
            request_id: (!request_id.0.is_empty()).then(|| request_id.0.clone()),
        },
    )
    .await?;
    Ok(())
}
