//! Warehouses (`/api/v1/warehouses`): where parts are kept, each belonging to a
//! branch; a technician's van also belongs to its technician.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::patch::double_option;

/// What a warehouse is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "outlet"))]
#[serde(rename_all = "snake_case")]
pub enum WarehouseKind {
    /// The head office's store.
    Central,
    /// A regional centre's store.
    Regional,
    /// An outlet's shelf.
    Outlet,
    /// The stock a technician carries.
    Van,
    /// Quarantine of defective parts owed back to the manufacturer.
    Defective,
    /// Units customers returned to an e-commerce platform, kept by the network.
    Returns,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-00000000f001", "branch_id": "0193a4f2-7b1c-7cde-8f00-00000000a003",
    "code": "HN01-VAN-AN", "name": "Van of Nguyễn Văn An", "kind": "van",
    "technician_id": "0193a4f2-7b1c-7cde-8f00-00000000c005", "active": true,
    "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z", "version": 1
})))]
pub struct WarehouseDto {
    pub id: Uuid,
    pub branch_id: Uuid,
    /// Upper-case; unique across the network.
    pub code: String,
    pub name: String,
    pub kind: WarehouseKind,
    /// The technician whose van this is; only vans have one.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub technician_id: Option<Uuid>,
    /// Inactive warehouses stay on record (and in the ledger) but take no new stock.
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Increases on every change; send it back as `If-Match` to update safely.
    pub version: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "branch_id": "0193a4f2-7b1c-7cde-8f00-00000000a003", "code": "hn01-van-an", "name": "Van of Nguyễn Văn An",
    "kind": "van", "technician_id": "0193a4f2-7b1c-7cde-8f00-00000000c005"
})))]
#[serde(deny_unknown_fields)]
pub struct CreateWarehouse {
    /// A branch of your part of the network.
    pub branch_id: Uuid,
    /// Letters, digits, `.`, `_`, `/`, `+` and `-`, up to 32; stored trimmed and upper-case.
    #[validate(length(min = 1, max = 32), custom(function = "crate::rules::sku"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 32, pattern = r"^ *[A-Za-z0-9._/+-]+ *$"))]
    pub code: String,
    #[validate(length(min = 1, max = 200), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200, pattern = r"[^\s\u0085]"))]
    pub name: String,
    pub kind: WarehouseKind,
    /// Required for a van, refused for any other kind: an active technician of the
    /// warehouse's branch or a branch below it.
    #[serde(default)]
    pub technician_id: Option<Uuid>,
}

/// A partial update: absent fields stay as they are. The branch and code stay.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"name": "HN01 main store", "active": false})))]
#[serde(deny_unknown_fields)]
pub struct UpdateWarehouse {
    #[serde(default)]
    #[validate(length(min = 1, max = 200), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200, pattern = r"[^\s\u0085]"))]
    pub name: Option<String>,
    #[serde(default)]
    pub kind: Option<WarehouseKind>,
    /// Hands a van to another technician; `null` clears it (only for a warehouse
    /// that is no longer a van).
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    pub technician_id: Option<Option<Uuid>>,
    #[serde(default)]
    pub active: Option<bool>,
}

/// Filters for `GET /api/v1/warehouses`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct WarehouseQuery {
    pub branch_id: Option<Uuid>,
    pub kind: Option<WarehouseKind>,
    /// The van of this technician.
    pub technician_id: Option<Uuid>,
    pub active: Option<bool>,
    /// 1 to 200; 50 when absent.
    #[validate(range(min = 1, max = 200))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page.
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub cursor: Option<String>,
}
