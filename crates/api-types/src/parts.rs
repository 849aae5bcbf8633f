//! The parts catalogue (`/api/v1/parts`): spare parts by brand and SKU, the
//! product models they fit, standard cost and selling price.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::service_items::Money;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-00000000e001", "brand_id": "0193a4f2-7b1c-7cde-8f00-00000000b001",
    "sku": "2P469361-1", "name": "Indoor unit control board (PCB) FTKB25", "component_code": "pcb",
    "unit": "pcs", "serialised": true,
    "standard_cost": {"amount": "1250000", "currency": "VND"}, "price": {"amount": "1850000", "currency": "VND"},
    "reorder_point": 2, "model_ids": ["0193a4f2-7b1c-7cde-8f00-00000000d001"], "active": true,
    "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z", "version": 1
})))]
pub struct PartDto {
    pub id: Uuid,
    pub brand_id: Uuid,
    /// Trimmed and upper-case; unique per brand.
    pub sku: String,
    pub name: String,
    /// The component of the product this part is (`compressor`, `pcb`…), if any.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub component_code: Option<String>,
    /// Unit of measure: `pcs`, `m`, `kg`, `set`…
    pub unit: String,
    /// Whether each piece carries its own serial number.
    pub serialised: bool,
    /// What one unit costs the company; the same currency as `price`.
    pub standard_cost: Money,
    /// What one unit is sold for.
    pub price: Money,
    /// Stock at or below this is reported for reordering.
    pub reorder_point: i32,
    /// The product models the part fits, all of the part's brand.
    pub model_ids: Vec<Uuid>,
    /// Inactive parts stay on record (and in the ledger) but are no longer ordered or issued.
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Increases on every change; send it back as `If-Match` to update safely.
    pub version: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "brand_id": "0193a4f2-7b1c-7cde-8f00-00000000b001", "sku": " 2p469361-1 ",
    "name": "Indoor unit control board (PCB) FTKB25", "component_code": "pcb", "unit": "pcs", "serialised": true,
    "standard_cost": {"amount": "1250000", "currency": "VND"}, "price": {"amount": "1850000", "currency": "VND"},
    "reorder_point": 2, "model_ids": ["0193a4f2-7b1c-7cde-8f00-00000000d001"]
})))]
#[serde(deny_unknown_fields)]
pub struct CreatePart {
    /// An existing brand.
    pub brand_id: Uuid,
    /// The manufacturer's part number, up to 64 characters; stored trimmed and upper-case.
    #[validate(length(min = 1, max = 64), custom(function = "crate::rules::sku"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64, pattern = r"^ *[A-Za-z0-9._/+-]+ *$"))]
    pub sku: String,
    #[validate(length(min = 1, max = 200), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200, pattern = r"[^\s\u0085]"))]
    pub name: String,
    /// Lower-case letters, digits and `_`, like the components of product models.
    #[serde(default)]
    #[validate(length(min = 1, max = 32), custom(function = "crate::rules::key"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 32, pattern = "^[a-z0-9_]+$"))]
    pub component_code: Option<String>,
    /// Lower-case letters, digits and `_`: `pcs`, `m`, `kg`, `set`…
    #[validate(length(min = 1, max = 16), custom(function = "crate::rules::key"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 16, pattern = "^[a-z0-9_]+$"))]
    pub unit: String,
    /// `false` when absent.
    #[serde(default)]
    pub serialised: bool,
    #[validate(nested)]
    pub standard_cost: Money,
    /// In the currency of the standard cost.
    #[validate(nested)]
    pub price: Money,
    /// 0 to 1000000; 0 when absent.
    #[serde(default)]
    #[validate(range(min = 0, max = 1_000_000))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 1_000_000))]
    pub reorder_point: i32,
    /// Product models of the part's brand that the part fits; up to 200.
    #[serde(default)]
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", schema(max_items = 200))]
    pub model_ids: Vec<Uuid>,
}

/// A partial update: absent fields stay as they are. The brand stays.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"price": {"amount": "1950000", "currency": "VND"}, "reorder_point": 3})))]
#[serde(deny_unknown_fields)]
pub struct UpdatePart {
    #[serde(default)]
    #[validate(length(min = 1, max = 64), custom(function = "crate::rules::sku"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64, pattern = r"^ *[A-Za-z0-9._/+-]+ *$"))]
    pub sku: Option<String>,
    #[serde(default)]
    #[validate(length(min = 1, max = 200), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200, pattern = r"[^\s\u0085]"))]
    pub name: Option<String>,
    /// `null` clears it.
    #[serde(default, deserialize_with = "crate::patch::double_option", skip_serializing_if = "Option::is_none")]
    #[validate(length(min = 1, max = 32), custom(function = "crate::rules::key"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 32, pattern = "^[a-z0-9_]+$"))]
    pub component_code: Option<Option<String>>,
    #[serde(default)]
    #[validate(length(min = 1, max = 16), custom(function = "crate::rules::key"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 16, pattern = "^[a-z0-9_]+$"))]
    pub unit: Option<String>,
    #[serde(default)]
    pub serialised: Option<bool>,
    /// In the part's currency, or with `price` in a new one.
    #[serde(default)]
    #[validate(nested)]
    pub standard_cost: Option<Money>,
    /// In the part's currency, or with `standard_cost` in a new one.
    #[serde(default)]
    #[validate(nested)]
    pub price: Option<Money>,
    #[serde(default)]
    #[validate(range(min = 0, max = 1_000_000))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 1_000_000))]
    pub reorder_point: Option<i32>,
    /// Replaces every compatible model.
    #[serde(default)]
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", schema(max_items = 200))]
    pub model_ids: Option<Vec<Uuid>>,
    #[serde(default)]
    pub active: Option<bool>,
}

/// Filters for `GET /api/v1/parts`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct PartQuery {
    pub brand_id: Option<Uuid>,
    /// Parts that fit this product model.
    pub model_id: Option<Uuid>,
    #[validate(length(min = 1, max = 32), custom(function = "crate::rules::key"))]
    #[cfg_attr(feature = "openapi", param(min_length = 1, max_length = 32, pattern = "^[a-z0-9_]+$"))]
    pub component_code: Option<String>,
    /// Found in the SKU or the name, ignoring case and diacritics.
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
