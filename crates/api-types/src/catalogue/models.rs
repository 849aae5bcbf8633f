use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

/// A product a brand sells under one SKU; serials and warranty policies refer to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-00000000d001", "brand_id": "0193a4f2-7b1c-7cde-8f00-00000000b001",
    "category_id": "0193a4f2-7b1c-7cde-8f00-00000000ca01", "sku": "FTKB25WVMV",
    "name": "Daikin Inverter 1 HP split air conditioner", "needs_installation": true, "active": true,
    "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z", "version": 1
})))]
pub struct ProductModelDto {
    pub id: Uuid,
    pub brand_id: Uuid,
    pub category_id: Uuid,
    /// Trimmed and upper-case; unique per brand.
    pub sku: String,
    pub name: String,
    /// Whether a sale is followed by an installation visit.
    pub needs_installation: bool,
    /// Inactive models stay on record (and under warranty) but are no longer sold.
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Increases on every change; send it back as `If-Match` to update safely.
    pub version: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "brand_id": "0193a4f2-7b1c-7cde-8f00-00000000b001", "category_id": "0193a4f2-7b1c-7cde-8f00-00000000ca01",
    "sku": "ftkb25wvmv", "name": "Daikin Inverter 1 HP split air conditioner", "needs_installation": true
})))]
#[serde(deny_unknown_fields)]
pub struct CreateProductModel {
    /// An active brand.
    pub brand_id: Uuid,
    /// An active category.
    pub category_id: Uuid,
    /// The manufacturer's SKU, up to 64 characters; stored trimmed and upper-case.
    #[validate(length(min = 1, max = 64), custom(function = "crate::rules::sku"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64, pattern = r"^ *[A-Za-z0-9._/+-]+ *$"))]
    pub sku: String,
    #[validate(length(min = 1, max = 200), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200, pattern = r"[^\s\u0085]"))]
    pub name: String,
    /// `false` when absent.
    #[serde(default)]
    pub needs_installation: bool,
}

/// A partial update: absent fields stay as they are.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"name": "Daikin Inverter 1 HP (2026)", "active": false})))]
#[serde(deny_unknown_fields)]
pub struct UpdateProductModel {
    #[serde(default)]
    pub brand_id: Option<Uuid>,
    #[serde(default)]
    pub category_id: Option<Uuid>,
    #[serde(default)]
    #[validate(length(min = 1, max = 64), custom(function = "crate::rules::sku"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64, pattern = r"^ *[A-Za-z0-9._/+-]+ *$"))]
    pub sku: Option<String>,
    #[serde(default)]
    #[validate(length(min = 1, max = 200), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200, pattern = r"[^\s\u0085]"))]
    pub name: Option<String>,
    #[serde(default)]
    pub needs_installation: Option<bool>,
    #[serde(default)]
    pub active: Option<bool>,
}

/// Filters for `GET /api/v1/product-models`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct ProductModelQuery {
    /// Matches SKU or name, ignoring case.
    #[validate(length(max = 100))]
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub q: Option<String>,
    pub brand_id: Option<Uuid>,
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
