//! One partner of your part of the network.
use aftersales_api_types::partners::PartnerDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, partners};
use uuid::Uuid;

use super::partner_out;
use crate::auth::Principal;
use crate::error::{ApiError, NotFoundAs};

pub async fn get(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<PartnerDto, ApiError> {
    me.require(Permission::ManagePartners)?;
    let partner = partners::find_in_scope(db, &me.scope, id).await.or_not_found("partner")?;
    Ok(partner_out(&partner))
}
