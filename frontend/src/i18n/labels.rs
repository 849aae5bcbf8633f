//! Catalogue keys for values that come from the API as enums or codes.

use aftersales_api_types::branches::BranchKind;
use aftersales_api_types::tickets::{StageCategory, TicketKind, WarrantyStatus};
use aftersales_api_types::users::Role;

use crate::i18n::I18n;

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

/// Roles as the reader's language names and lists them (reactive).
pub fn role_labels(i18n: I18n, roles: Vec<Role>) -> String {
    let names: Vec<&str> = roles.into_iter().map(|r| i18n.text(role_key(r))).collect();
    i18n.list(&names)
}

pub fn branch_kind_key(kind: BranchKind) -> &'static str {
    match kind {
        BranchKind::Hq => "branch_kind.hq",
        BranchKind::Regional => "branch_kind.regional",
        BranchKind::Outlet => "branch_kind.outlet",
    }
}

/// Every ledger movement kind the server writes (`MovementDto.kind`).
pub const MOVEMENT_KINDS: &[&str] = &[
    "receipt",
    "purchase_receipt",
    "issue_to_ticket",
    "return_unused",
    "defective_return",
    "transfer_out",
    "transfer_in",
    "sale",
    "return_to_vendor",
    "stocktake_adjustment",
    "write_off",
];

/// The label of a movement kind; `None` for a kind this client does not know yet.
pub fn movement_kind_key(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "receipt" => "movement_kind.receipt",
        "purchase_receipt" => "movement_kind.purchase_receipt",
        "issue_to_ticket" => "movement_kind.issue_to_ticket",
        "return_unused" => "movement_kind.return_unused",
        "defective_return" => "movement_kind.defective_return",
        "transfer_out" => "movement_kind.transfer_out",
        "transfer_in" => "movement_kind.transfer_in",
        "sale" => "movement_kind.sale",
        "return_to_vendor" => "movement_kind.return_to_vendor",
        "stocktake_adjustment" => "movement_kind.stocktake_adjustment",
        "write_off" => "movement_kind.write_off",
        _ => return None,
    })
}

pub fn ticket_kind_key(kind: TicketKind) -> &'static str {
    match kind {
        TicketKind::Repair => "ticket_kind.repair",
        TicketKind::Installation => "ticket_kind.installation",
        TicketKind::Maintenance => "ticket_kind.maintenance",
        TicketKind::ReturnExchange => "ticket_kind.return_exchange",
    }
}

pub const TICKET_KINDS: [TicketKind; 4] =
    [TicketKind::Repair, TicketKind::Installation, TicketKind::Maintenance, TicketKind::ReturnExchange];

pub fn stage_category_key(category: StageCategory) -> &'static str {
    match category {
        StageCategory::Open => "stage_category.open",
        StageCategory::InProgress => "stage_category.in_progress",
        StageCategory::Waiting => "stage_category.waiting",
        StageCategory::Done => "stage_category.done",
        StageCategory::Closed => "stage_category.closed",
    }
}

pub const STAGE_CATEGORIES: [StageCategory; 5] = [
    StageCategory::Open,
    StageCategory::InProgress,
    StageCategory::Waiting,
    StageCategory::Done,
    StageCategory::Closed,
];

pub fn warranty_status_key(status: WarrantyStatus) -> &'static str {
    match status {
        WarrantyStatus::Covered => "warranty_status.covered",
        WarrantyStatus::Partial => "warranty_status.partial",
        WarrantyStatus::NotCovered => "warranty_status.not_covered",
        WarrantyStatus::Unknown => "warranty_status.unknown",
    }
}

pub const WARRANTY_STATUSES: [WarrantyStatus; 4] =
    [WarrantyStatus::Covered, WarrantyStatus::Partial, WarrantyStatus::NotCovered, WarrantyStatus::Unknown];

/// Every key the functions above can return (for the catalogue tests).
#[cfg(test)]
pub fn all_label_keys() -> Vec<&'static str> {
    let roles =
        [Role::Admin, Role::Manager, Role::Clerk, Role::Dispatcher, Role::Technician, Role::Warehouse, Role::Finance];
    let kinds = [BranchKind::Hq, BranchKind::Regional, BranchKind::Outlet];
    let movements = MOVEMENT_KINDS.iter().filter_map(|k| movement_kind_key(k));
    roles
        .into_iter()
        .map(role_key)
        .chain(kinds.into_iter().map(branch_kind_key))
        .chain(movements)
        .chain(TICKET_KINDS.into_iter().map(ticket_kind_key))
        .chain(STAGE_CATEGORIES.into_iter().map(stage_category_key))
        .chain(WARRANTY_STATUSES.into_iter().map(warranty_status_key))
        .collect()
}
