use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::patch::double_option;

/// A kind of product, e.g. air conditioners. Categories form a shallow tree (at
/// most three levels).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-00000000ca01", "code": "air_conditioner", "name": "Air conditioners",
    "parent_id": null, "active": true, "created_at": "2026-01-01T00:00:00Z",
    "updated_at": "2026-01-01T00:00:00Z", "version": 1
})))]
pub struct CategoryDto {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    /// Absent for a top-level category.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub parent_id: Option<Uuid>,
    /// Inactive categories stay on record but are not offered for new models.
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Increases on every change; send it back as `If-Match` to update safely.
    pub version: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"code": "air_conditioner", "name": "Air conditioners"})))]
#[serde(deny_unknown_fields)]
pub struct CreateCategory {
    /// 2–32 characters: lower-case letters, digits, `_`; unique.
    #[validate(length(min = 2, max = 32), custom(function = "crate::rules::key"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 32, pattern = "^[a-z0-9_]+$"))]
    pub code: String,
    #[validate(length(min = 1, max = 120), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120, pattern = r"[^\s\u0085]"))]
    pub name: String,
    /// The category this one belongs under; absent for a top-level category.
    #[serde(default)]
    pub parent_id: Option<Uuid>,
}

/// A partial update: absent fields stay as they are; `parent_id: null` makes the
/// category top-level. The code stays.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"name": "Air conditioners and heat pumps"})))]
#[serde(deny_unknown_fields)]
pub struct UpdateCategory {
    #[serde(default)]
    #[validate(length(min = 1, max = 120), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120, pattern = r"[^\s\u0085]"))]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<Option<Uuid>>,
    #[serde(default)]
    pub active: Option<bool>,
}

/// Filters for `GET /api/v1/product-categories`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct CategoryQuery {
    /// Matches code or name, ignoring case.
    #[validate(length(max = 100))]
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub q: Option<String>,
    /// Only the direct sub-categories of this category.
    pub parent_id: Option<Uuid>,
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
