//! One branch of the caller's part of the network; anyone may read their own
//! branch (a technician's home page names it), the rest needs `ViewOrganisation`.
use aftersales_api_types::branches::BranchDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, branches};
use uuid::Uuid;

use crate::auth::Principal;
use crate::dto;
use crate::error::{ApiError, NotFoundAs};

pub async fn get(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<BranchDto, ApiError> {
    if id != me.scope.branch_id.uuid() {
        me.require(Permission::ViewOrganisation)?;
    }
    let branch = branches::find_in_scope(db, &me.scope, id).await.or_not_found("branch")?;
    Ok(dto::branch_out(&branch))
}
