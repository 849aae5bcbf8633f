//! One item of the service catalogue.
use aftersales_api_types::service_items::ServiceItemDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::tickets::service_items;
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::tickets::work::service_item_out;

pub async fn get(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<ServiceItemDto, ApiError> {
    me.require(Permission::ViewTickets)?;
    let item = service_items::find(db, id).await.or_not_found("service item")?;
    Ok(service_item_out(&item))
}
