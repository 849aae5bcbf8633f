//! One registered unit.
use aftersales_api_types::serials::SerialUnitDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, serials};
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::{ApiError, NotFoundAs};
use crate::serial_dto::unit_out;

pub async fn get(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<SerialUnitDto, ApiError> {
    me.require(Permission::ViewCatalogue)?;
    let unit = serials::find(db, id).await.or_not_found("unit")?;
    Ok(unit_out(&unit))
}
