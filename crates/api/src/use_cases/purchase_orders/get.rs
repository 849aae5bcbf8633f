//! One purchase order received into the caller's part of the network.
use aftersales_api_types::purchasing::PurchaseOrderDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use uuid::Uuid;

use super::{order_out, visible};
use crate::auth::Principal;
use crate::error::ApiError;

/// With what is outstanding on each line; another's is 404.
pub async fn get(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<PurchaseOrderDto, ApiError> {
    me.require(Permission::ViewStock)?;
    Ok(order_out(&visible(db, me, id, false).await?))
}
