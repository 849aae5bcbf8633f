//! One part of the catalogue.
use aftersales_api_types::parts::PartDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, parts};
use uuid::Uuid;

use super::part_out;
use crate::auth::Principal;
use crate::error::{ApiError, NotFoundAs};

/// The part (404 when there is none); the catalogue is company-wide.
pub async fn get(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<PartDto, ApiError> {
    me.require(Permission::ViewParts)?;
    Ok(part_out(&parts::find(db, id).await.or_not_found("part")?))
}
