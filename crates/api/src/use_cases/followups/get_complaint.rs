//! One complaint of the caller's part of the network.
use aftersales_api_types::followups::ComplaintDto;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::tickets::complaints;
use uuid::Uuid;

use super::complaint_out;
use crate::auth::Principal;
use crate::error::{ApiError, NotFoundAs};

pub async fn get(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<ComplaintDto, ApiError> {
    let complaint = complaints::find_in_scope(db, &me.scope, id).await.or_not_found("complaint")?;
    Ok(complaint_out(&complaint))
}
