use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

/// A sub-assembly of a product model that can carry its own warranty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-00000000e001", "model_id": "0193a4f2-7b1c-7cde-8f00-00000000d001",
    "code": "compressor", "name": "Inverter swing compressor", "created_at": "2026-01-01T00:00:00Z",
    "updated_at": "2026-01-01T00:00:00Z", "version": 1
})))]
pub struct ComponentDto {
    pub id: Uuid,
    pub model_id: Uuid,
    pub code: String,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Increases on every change; send it back as `If-Match` to update safely.
    pub version: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"code": "compressor", "name": "Inverter swing compressor"})))]
#[serde(deny_unknown_fields)]
pub struct CreateComponent {
    /// 2–32 characters: lower-case letters, digits, `_`; unique within the model.
    #[validate(length(min = 2, max = 32), custom(function = "crate::rules::key"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 32, pattern = "^[a-z0-9_]+$"))]
    pub code: String,
    #[validate(length(min = 1, max = 120), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120, pattern = r"[^\s\u0085]"))]
    pub name: String,
}

/// Renames a component; its code stays.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"name": "Rotary compressor"})))]
#[serde(deny_unknown_fields)]
pub struct UpdateComponent {
    #[validate(length(min = 1, max = 120), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120, pattern = r"[^\s\u0085]"))]
    pub name: String,
}
