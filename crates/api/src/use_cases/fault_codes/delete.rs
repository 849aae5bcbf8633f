//! Delete a code no ticket carries.
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::tickets::fault_codes;
use uuid::Uuid;

use super::ENTITY;
use crate::audit::{Change, snapshot};
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::tickets::work::fault_code_out;
use crate::use_cases::{Actor, Work};

/// A code in use answers 409: retire it with `active: false` instead.
pub async fn delete(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> Result<(), ApiError> {
    actor.me.require(Permission::ConfigureTickets)?;
    let work = Work::begin(db, actor).await?;
    let code = fault_codes::find(work.db(), id).await.or_not_found("fault code")?;
    let used = fault_codes::tickets_using(work.db(), &code).await?;
    if used > 0 {
        return Err(ApiError::Conflict(format!(
            "{used} ticket(s) carry the {} code {}; retire it with active: false instead",
            code.kind, code.code
        )));
    }
    fault_codes::delete(work.db(), code.id).await?;
    work.audit(Change {
        action: "fault_code.delete",
        entity: ENTITY,
        entity_id: code.id,
        branch_id: None,
        before: snapshot(&fault_code_out(&code)?),
        after: None,
    })
    .await?;
    work.commit().await
}
