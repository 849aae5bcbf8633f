//! One return-to-vendor shipment.
use aftersales_api_types::rtv::RtvShipmentDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, rtv_shipments};
use uuid::Uuid;

use super::shipment_out;
use crate::auth::Principal;
use crate::error::{ApiError, NotFoundAs};

/// The shipment with the old parts in it (404 outside the caller's part of the
/// network).
pub async fn get(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<RtvShipmentDto, ApiError> {
    me.require(Permission::ViewStock)?;
    let shipment = rtv_shipments::find_in_scope(db, &me.scope, id, false).await.or_not_found("shipment")?;
    shipment_out(db, &shipment).await
}
