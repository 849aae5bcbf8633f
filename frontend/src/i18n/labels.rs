//! Catalogue keys for values that come from the API as enums or codes.

use aftersales_api_types::branches::BranchKind;
use aftersales_api_types::users::Role;

/// The `code` of every problem the server or this client produces; each has a
/// `problem.<code>` title in the catalogues.
pub const PROBLEM_CODES: &[&str] = &[
    "client_error",
    "network_error",
    "unexpected_response",
    "malformed_request",
    "unsupported_media_type",
    "payload_too_large",
    "validation_failed",
    "unauthenticated",
    "invalid_credentials",
    "forbidden",
    "not_found",
    "route_not_found",
    "method_not_allowed",
    "conflict",
    "version_mismatch",
    "guard_failed",
    "dispatch_warnings",
    "rate_limited",
    "unavailable",
    "busy",
    "internal_error",
];

pub fn role_key(role: Role) -> &'static str {
    match role {
        Role::Admin => "role.admin",
        Role::Manager => "role.manager",
        Role::Clerk => "role.clerk",
        Role::Dispatcher => "role.dispatcher",
        Role::Technician => "role.technician",
        Role::Warehouse => "role.warehouse",
        Role::Finance => "role.finance",
    }
}

pub fn branch_kind_key(kind: BranchKind) -> &'static str {
    match kind {
        BranchKind::Hq => "branch_kind.hq",
        BranchKind::Regional => "branch_kind.regional",
        BranchKind::Outlet => "branch_kind.outlet",
    }
}

/// Every key the functions above can return (for the catalogue tests).
#[cfg(test)]
pub fn all_label_keys() -> Vec<&'static str> {
    let roles =
        [Role::Admin, Role::Manager, Role::Clerk, Role::Dispatcher, Role::Technician, Role::Warehouse, Role::Finance];
    let kinds = [BranchKind::Hq, BranchKind::Regional, BranchKind::Outlet];
    roles.into_iter().map(role_key).chain(kinds.into_iter().map(branch_kind_key)).collect()
}
