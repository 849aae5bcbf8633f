//! One code of a code list.
use aftersales_api_types::fault_codes::FaultCodeDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::tickets::fault_codes;
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::tickets::work::fault_code_out;

pub async fn get(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<FaultCodeDto, ApiError> {
    me.require(Permission::ViewTickets)?;
    fault_code_out(&fault_codes::find(db, id).await.or_not_found("fault code")?)
}
