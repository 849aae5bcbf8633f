//! The users of the caller's branch and those below it, by username.
use aftersales_api_types::Page;
use aftersales_api_types::users::{UserDto, UserQuery};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::users::{self, UserFilter};

use crate::auth::Principal;
use crate::dto;
use crate::error::ApiError;
use crate::pagination;

pub async fn list(db: &DatabaseConnection, me: &Principal, query: UserQuery) -> Result<Page<UserDto>, ApiError> {
    me.require(Permission::ViewOrganisation)?;
    let limit = pagination::limit(query.limit);
    let filter = UserFilter {
        branch_id: query.branch_id,
        network_only: false,
        role: query.role.map(dto::role_in),
        active: query.active,
        q: query.q,
        after_username: pagination::decode_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = users::list(db, &me.scope, filter).await?;
    Ok(pagination::page(rows, limit, |u| u.username.clone(), dto::user_out))
}
