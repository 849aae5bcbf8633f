//! One transfer out of or into the caller's part of the network.
use aftersales_api_types::transfers::TransferDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use uuid::Uuid;

use super::{transfer_out, visible};
use crate::auth::Principal;
use crate::error::ApiError;

/// With what was shipped, received, is still in transit and went missing on
/// each line; another's is 404.
pub async fn get(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<TransferDto, ApiError> {
    me.require(Permission::ViewStock)?;
    let (transfer, ..) = visible(db, me, id, false).await?;
    Ok(transfer_out(&transfer))
}
