//! The branches the caller sees: theirs and those below it, by code.
use aftersales_api_types::Page;
use aftersales_api_types::branches::{BranchDto, BranchQuery};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::branches::{self, BranchFilter};

use crate::auth::Principal;
use crate::dto;
use crate::error::ApiError;
use crate::pagination;

pub async fn list(db: &DatabaseConnection, me: &Principal, query: BranchQuery) -> Result<Page<BranchDto>, ApiError> {
    me.require(Permission::ViewOrganisation)?;
    let limit = pagination::limit(query.limit);
    let filter = BranchFilter {
        parent_id: query.parent_id,
        q: query.q,
        after_code: pagination::decode_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = branches::list(db, &me.scope, filter).await?;
    Ok(pagination::page(rows, limit, |b| b.code.clone(), dto::branch_out))
}
