use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::patch::double_option;

/// A manufacturer whose products the company services.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-00000000b001", "code": "DAIKIN", "name": "Daikin", "country": "JP",
    "active": true, "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z", "version": 1
})))]
pub struct BrandDto {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    /// ISO 3166-1 alpha-2 country of the manufacturer.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub country: Option<String>,
    /// Inactive brands stay on record but are not offered for new models.
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Increases on every change; send it back as `If-Match` to update safely.
    pub version: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"code": "DAIKIN", "name": "Daikin", "country": "JP"})))]
#[serde(deny_unknown_fields)]
pub struct CreateBrand {
    /// 2–32 characters: upper-case letters, digits, `-`; unique.
    #[validate(length(min = 2, max = 32), custom(function = "crate::rules::code"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 32, pattern = r"^[A-Z0-9-]+$"))]
    pub code: String,
    #[validate(length(min = 1, max = 120), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120, pattern = r"[^\s\u0085]"))]
    pub name: String,
    /// ISO 3166-1 alpha-2 code, e.g. `JP`.
    #[serde(default)]
    #[validate(custom(function = "crate::rules::country"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 2, pattern = "^[A-Z]{2}$"))]
    pub country: Option<String>,
}

/// A partial update: absent fields stay as they are; `null` clears `country`. The code stays.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"name": "Daikin Industries", "active": true})))]
#[serde(deny_unknown_fields)]
pub struct UpdateBrand {
    #[serde(default)]
    #[validate(length(min = 1, max = 120), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120, pattern = r"[^\s\u0085]"))]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "crate::rules::country"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 2, pattern = "^[A-Z]{2}$"))]
    pub country: Option<Option<String>>,
    #[serde(default)]
    pub active: Option<bool>,
}

/// Filters for `GET /api/v1/brands`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct BrandQuery {
    /// Matches code or name, ignoring case.
    #[validate(length(max = 100))]
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub q: Option<String>,
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
