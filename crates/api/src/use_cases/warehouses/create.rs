//! Add a warehouse to a branch.
use actix_web::http::StatusCode;
use aftersales_api_types::warehouses::{CreateWarehouse, WarehouseDto};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::warehouses::{self, NewWarehouse};

use super::{ENTITY, branch_in_scope, check_van_technician, kind_in, van_rule, warehouse_out};
use crate::audit::{Change, snapshot};
use crate::error::ApiError;
use crate::use_cases::{Actor, Begun, Once, Work};

/// Puts a warehouse in a branch of the caller's part of the network. The code is
/// trimmed, upper-cased and unique across the network (409); a van needs the
/// technician it belongs to, and no other kind has one.
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    body: CreateWarehouse,
) -> Result<Once<WarehouseDto>, ApiError> {
    let me = &actor.me;
    me.require(Permission::ManageParts)?;
    let kind = kind_in(body.kind);
    van_rule(kind, body.technician_id)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let branch = branch_in_scope(work.db(), &me.scope, body.branch_id).await?;
    if let Some(technician_id) = body.technician_id {
        check_van_technician(work.db(), &branch, technician_id).await?;
    }
    let new = NewWarehouse {
        branch_id: branch.id.uuid(),
        code: body.code.trim().to_uppercase(),
        name: body.name.trim().to_owned(),
        kind,
        technician_id: body.technician_id,
    };
    let warehouse = warehouses::insert(work.db(), new, work.now()).await?;
    let out = warehouse_out(&warehouse);
    let change = Change {
        action: "warehouse.create",
        entity: ENTITY,
        entity_id: warehouse.id,
        branch_id: Some(warehouse.branch_id),
        before: None,
        after: snapshot(&out),
    };
    work.audit(change).await?;
    work.finish(StatusCode::CREATED, out).await
}
