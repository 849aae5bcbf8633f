//! Operations: whether the process can do its work.
use aftersales_persistence::{DatabaseConnection, ping};

use crate::error::ApiError;

/// Ready when the database answers; 503 otherwise (the cause goes to the log).
pub async fn ready(db: &DatabaseConnection) -> Result<(), ApiError> {
    ping(db).await.map_err(|e| {
        tracing::warn!(error = %e, "database unreachable");
        ApiError::Unavailable("the database is unreachable")
    })
}
