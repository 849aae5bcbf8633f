//! The code lists of a product category: symptoms reported at intake, diagnoses and
//! resolutions the technician records. Names are given per language.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

/// Which list a code belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "symptom"))]
#[serde(rename_all = "snake_case")]
pub enum FaultCodeKind {
    /// What the customer reports (`fault_codes` of a ticket).
    Symptom,
    /// What the technician found (`diagnosis_code`).
    Diagnosis,
    /// What the technician did (`resolution_code`).
    Resolution,
}

/// A name in each language the web app speaks; English is required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "en": "Not cooling", "vi": "Không lạnh", "fa": "سرمایش ندارد", "zh": "不制冷"
})))]
#[serde(deny_unknown_fields)]
pub struct Names {
    #[validate(length(min = 1, max = 120), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120, pattern = r"[^\s\u0085]"))]
    pub en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(min = 1, max = 120), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120, pattern = r"[^\s\u0085]"))]
    pub vi: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(min = 1, max = 120), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120, pattern = r"[^\s\u0085]"))]
    pub fa: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(min = 1, max = 120), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120, pattern = r"[^\s\u0085]"))]
    pub zh: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-00000000fc01", "kind": "symptom",
    "category_id": "0193a4f2-7b1c-7cde-8f00-00000000ca01", "code": "NO_COOLING",
    "names": {"en": "Not cooling", "vi": "Không lạnh", "fa": "سرمایش ندارد", "zh": "不制冷"},
    "active": true, "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z", "version": 1
})))]
pub struct FaultCodeDto {
    pub id: Uuid,
    pub kind: FaultCodeKind,
    /// The product category whose list this is.
    pub category_id: Uuid,
    /// Upper-case letters, digits and `_`; unique per kind and category; tickets store it.
    pub code: String,
    pub names: Names,
    /// Inactive codes stay on the tickets that have them but are refused on new ones.
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Increases on every change; send it back as `If-Match` to update safely.
    pub version: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "kind": "symptom", "category_id": "0193a4f2-7b1c-7cde-8f00-00000000ca01", "code": "no_cooling",
    "names": {"en": "Not cooling", "vi": "Không lạnh"}
})))]
#[serde(deny_unknown_fields)]
pub struct CreateFaultCode {
    pub kind: FaultCodeKind,
    pub category_id: Uuid,
    /// Letters, digits and `_`, up to 32; stored trimmed and upper-cased.
    #[validate(length(min = 1, max = 32), custom(function = "crate::rules::list_code"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 32, pattern = "^ *[A-Za-z0-9_]+ *$"))]
    pub code: String,
    #[validate(nested)]
    pub names: Names,
}

/// A partial update: absent fields stay as they are. The kind, category and code
/// stay (tickets store the code).
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"active": false})))]
#[serde(deny_unknown_fields)]
pub struct UpdateFaultCode {
    /// Replaces all the names.
    #[serde(default)]
    #[validate(nested)]
    pub names: Option<Names>,
    #[serde(default)]
    pub active: Option<bool>,
}

/// Filters for `GET /api/v1/fault-codes`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct FaultCodeQuery {
    pub kind: Option<FaultCodeKind>,
    pub category_id: Option<Uuid>,
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
