//! Rename a code or retire it (`active: false`); its code, kind and category stay.
use aftersales_api_types::fault_codes::{FaultCodeDto, UpdateFaultCode};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::tickets::fault_codes::{self, FaultCodeChanges};
use uuid::Uuid;

use super::ENTITY;
use crate::audit::{Change, snapshot};
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::tickets::work::{fault_code_out, names_in};
use crate::use_cases::{Actor, Work};

/// 412 when the code is no longer at `expected` version.
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    expected: Option<i64>,
    body: UpdateFaultCode,
) -> Result<FaultCodeDto, ApiError> {
    actor.me.require(Permission::ConfigureTickets)?;
    let work = Work::begin(db, actor).await?;
    let current = fault_codes::find(work.db(), id).await.or_not_found("fault code")?;
    let changes = FaultCodeChanges { names: body.names.map(names_in), active: body.active };
    let updated = fault_codes::update(work.db(), &current, expected, changes, work.now()).await?;
    let out = fault_code_out(&updated)?;
    work.audit(Change {
        action: "fault_code.update",
        entity: ENTITY,
        entity_id: updated.id,
        branch_id: None,
        before: snapshot(&fault_code_out(&current)?),
        after: snapshot(&out),
    })
    .await?;
    work.commit().await?;
    Ok(out)
}
