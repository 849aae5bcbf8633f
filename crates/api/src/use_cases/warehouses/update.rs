//! Change a warehouse.
use aftersales_api_types::warehouses::{UpdateWarehouse, WarehouseDto};
use aftersales_domain::access::Permission;
use aftersales_persistence::warehouses::{self, WarehouseChanges};
use aftersales_persistence::{DatabaseConnection, branches};
use uuid::Uuid;

use super::{ENTITY, check_van_technician, kind_in, van_rule, warehouse_out};
use crate::audit::{Change, snapshot};
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::{Actor, Work};

/// Renames a warehouse of the caller's part of the network, changes its kind,
/// hands a van to another technician, or retires it (`active: false`); branch and
/// code stay. `expected` is the version the caller read (412 when it changed since).
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    expected: Option<i64>,
    body: UpdateWarehouse,
) -> Result<WarehouseDto, ApiError> {
    let me = &actor.me;
    me.require(Permission::ManageParts)?;
    let work = Work::begin(db, actor).await?;
    let current = warehouses::find_in_scope(work.db(), &me.scope, id).await.or_not_found("warehouse")?;
    let kind = body.kind.map(kind_in);
    van_rule(kind.unwrap_or(current.kind), body.technician_id.unwrap_or(current.technician_id))?;
    // Only a newly named technician is checked: a van keeps its technician even
    // if they have since left, until it is handed on.
    if let Some(Some(technician_id)) = body.technician_id {
        let branch = branches::find(work.db(), current.branch_id).await?;
        check_van_technician(work.db(), &branch, technician_id).await?;
    }
    let changes = WarehouseChanges {
        name: body.name.map(|n| n.trim().to_owned()),
        kind,
        technician_id: body.technician_id,
        active: body.active,
    };
    let updated = warehouses::update(work.db(), &current, expected, changes, work.now()).await?;
    let out = warehouse_out(&updated);
    let change = Change {
        action: "warehouse.update",
        entity: ENTITY,
        entity_id: updated.id,
        branch_id: Some(updated.branch_id),
        before: snapshot(&warehouse_out(&current)),
        after: snapshot(&out),
    };
    work.audit(change).await?;
    work.commit().await?;
    Ok(out)
}
