//! One warehouse.
use aftersales_api_types::warehouses::WarehouseDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, warehouses};
use uuid::Uuid;

use super::warehouse_out;
use crate::auth::Principal;
use crate::error::{ApiError, NotFoundAs};

/// A warehouse of the caller's part of the network; another branch's is 404.
pub async fn get(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<WarehouseDto, ApiError> {
    me.require(Permission::ViewParts)?;
    Ok(warehouse_out(&warehouses::find_in_scope(db, &me.scope, id).await.or_not_found("warehouse")?))
}
