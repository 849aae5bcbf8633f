//! The warehouses' use cases (add, change, read, list), and what they share: the
//! wire shape of a warehouse and its kind, the van rule, the branch it goes in.
pub mod create;
pub mod get;
pub mod list;
pub mod update;

use aftersales_api_types::warehouses::{WarehouseDto, WarehouseKind as WireKind};
use aftersales_domain::access::Role;
use aftersales_domain::organisation::{Branch, BranchScope};
use aftersales_domain::warehouses::{VanRule, WarehouseKind, check_technician};
use aftersales_persistence::warehouses::Warehouse;
use aftersales_persistence::{ConnectionTrait, StoreError, branches, users};
use uuid::Uuid;

use crate::error::ApiError;

pub(crate) const ENTITY: &str = "warehouse";

pub fn kind_out(kind: WarehouseKind) -> WireKind {
    match kind {
        WarehouseKind::Central => WireKind::Central,
        WarehouseKind::Regional => WireKind::Regional,
        WarehouseKind::Outlet => WireKind::Outlet,
        WarehouseKind::Van => WireKind::Van,
        WarehouseKind::Defective => WireKind::Defective,
        WarehouseKind::Returns => WireKind::Returns,
    }
}

pub fn kind_in(kind: WireKind) -> WarehouseKind {
    match kind {
        WireKind::Central => WarehouseKind::Central,
        WireKind::Regional => WarehouseKind::Regional,
        WireKind::Outlet => WarehouseKind::Outlet,
        WireKind::Van => WarehouseKind::Van,
        WireKind::Defective => WarehouseKind::Defective,
        WireKind::Returns => WarehouseKind::Returns,
    }
}

pub fn warehouse_out(w: &Warehouse) -> WarehouseDto {
    WarehouseDto {
        id: w.id,
        branch_id: w.branch_id,
        code: w.code.clone(),
        name: w.name.clone(),
        kind: kind_out(w.kind),
        technician_id: w.technician_id,
        active: w.active,
        created_at: w.created_at,
        updated_at: w.updated_at,
        version: w.version,
    }
}

/// Only a van has a technician, and a van always has one (422 on `technician_id`).
pub(crate) fn van_rule(kind: WarehouseKind, technician_id: Option<Uuid>) -> Result<(), ApiError> {
    check_technician(kind, technician_id.is_some()).map_err(|e| {
        let code = match e {
            VanRule::VanWithoutTechnician => "required",
            VanRule::TechnicianWithoutVan => "only_vans",
        };
        ApiError::field("technician_id", code, e.to_string())
    })
}

/// A van's technician: an active technician of the warehouse's branch or a branch
/// below it (422 on `technician_id` otherwise).
pub(crate) async fn check_van_technician(db: &impl ConnectionTrait, branch: &Branch, id: Uuid) -> Result<(), ApiError> {
    let unknown = || ApiError::field("technician_id", "unknown_technician", "no such user in the warehouse's branch");
    let user = match users::find(db, id).await {
        Ok(user) => user,
        Err(StoreError::NotFound) => return Err(unknown()),
        Err(e) => return Err(e.into()),
    };
    let of_branch = BranchScope { branch_id: branch.id, path: branch.path.clone() };
    if !of_branch.covers(&branches::path_of(db, user.branch_id.uuid()).await?) {
        return Err(unknown());
    }
    if !user.active || !user.roles.contains(&Role::Technician) {
        return Err(ApiError::field("technician_id", "not_a_technician", "this user is not an active technician"));
    }
    Ok(())
}

/// The branch a warehouse is put in, within the caller's part of the network
/// (422 on `branch_id` otherwise).
pub(crate) async fn branch_in_scope(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    id: Uuid,
) -> Result<Branch, ApiError> {
    match branches::find_in_scope(db, scope, id).await {
        Ok(branch) => Ok(branch),
        Err(StoreError::NotFound) => {
            Err(ApiError::field("branch_id", "unknown_branch", "no such branch in your part of the network"))
        }
        Err(e) => Err(e.into()),
    }
}
