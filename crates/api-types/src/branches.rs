use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

/// Where a branch sits in the service network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "outlet"))]
#[serde(rename_all = "snake_case")]
pub enum BranchKind {
    Hq,
    Regional,
    Outlet,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-0000000000bb", "parent_id": "0193a4f2-7b1c-7cde-8f00-0000000000aa",
    "code": "HN01", "name": "Hà Nội — Cầu Giấy", "kind": "outlet", "time_zone": "Asia/Ho_Chi_Minh",
    "currency": "VND", "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z", "version": 1
})))]
pub struct BranchDto {
    pub id: Uuid,
    /// Absent only for the head office at the top of the tree.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub parent_id: Option<Uuid>,
    /// Short code used in document numbers, e.g. `RO-HN01-2026-000123`.
    pub code: String,
    pub name: String,
    pub kind: BranchKind,
    /// IANA time zone, e.g. `Asia/Tehran`.
    pub time_zone: String,
    /// ISO 4217 currency, e.g. `VND`.
    pub currency: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "parent_id": "0193a4f2-7b1c-7cde-8f00-0000000000aa", "code": "HN01", "name": "Hà Nội — Cầu Giấy",
    "kind": "outlet", "time_zone": "Asia/Ho_Chi_Minh", "currency": "VND"
})))]
#[serde(deny_unknown_fields)]
pub struct CreateBranch {
    /// The branch this one reports to; it must be yours or below yours.
    pub parent_id: Uuid,
    /// 2–16 characters: upper-case letters, digits, `-`; unique.
    #[validate(length(min = 2, max = 16), custom(function = "crate::rules::code"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 16, pattern = r"^[A-Z0-9-]+$"))]
    pub code: String,
    #[validate(length(min = 1, max = 120), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120, pattern = r"[^\s\u0085]"))]
    pub name: String,
    pub kind: BranchKind,
    #[validate(length(min = 1, max = 64))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64))]
    pub time_zone: String,
    #[validate(length(equal = 3))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 3, pattern = "^[A-Z]{3}$"))]
    pub currency: String,
}

/// A partial update: absent fields stay as they are. Changing `parent_id` moves the
/// branch with everything below it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"name": "Hà Nội — Cầu Giấy (mới)", "currency": "VND"})))]
#[serde(deny_unknown_fields)]
pub struct UpdateBranch {
    #[serde(default)]
    pub parent_id: Option<Uuid>,
    #[serde(default)]
    #[validate(length(min = 1, max = 120), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120, pattern = r"[^\s\u0085]"))]
    pub name: Option<String>,
    #[serde(default)]
    pub kind: Option<BranchKind>,
    #[serde(default)]
    #[validate(length(min = 1, max = 64))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64))]
    pub time_zone: Option<String>,
    #[serde(default)]
    #[validate(length(equal = 3))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 3, pattern = "^[A-Z]{3}$"))]
    pub currency: Option<String>,
}

/// Filters for `GET /api/v1/branches`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct BranchQuery {
    /// Only the direct children of this branch.
    pub parent_id: Option<Uuid>,
    /// Matches code or name.
    #[validate(length(max = 100))]
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub q: Option<String>,
    #[validate(range(min = 1, max = 200))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u32>,
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub cursor: Option<String>,
}
