//! The contracts bought for a unit, by start day.
use aftersales_api_types::serial_records::ContractDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::serials::{self, contracts};
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::{ApiError, NotFoundAs};
use crate::serial_dto::contract_out;

pub async fn list_contracts(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<Vec<ContractDto>, ApiError> {
    me.require(Permission::ViewCatalogue)?;
    let unit = serials::find(db, id).await.or_not_found("unit")?;
    let found = contracts::of_unit(db, unit.id.uuid()).await?;
    Ok(found.iter().map(contract_out).collect())
}
