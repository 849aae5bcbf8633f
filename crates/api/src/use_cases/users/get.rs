//! One user of the caller's part of the network.
use aftersales_api_types::users::UserDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, users};
use uuid::Uuid;

use crate::auth::Principal;
use crate::dto;
use crate::error::{ApiError, NotFoundAs};

pub async fn get(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<UserDto, ApiError> {
    me.require(Permission::ViewOrganisation)?;
    let user = users::find_in_scope(db, &me.scope, id).await.or_not_found("user")?;
    Ok(dto::user_out(&user))
}
