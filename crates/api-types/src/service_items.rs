//! The service catalogue: coded, priced services per product category, and money
//! as the API writes it.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::fault_codes::Names;

/// An amount of money: a decimal string with the currency's places (`"350000"`
/// đồng, `"12.50"` dollars) and an ISO 4217 currency. Amounts are exact; an amount
/// finer than its currency allows is refused, never rounded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"amount": "350000", "currency": "VND"})))]
#[serde(deny_unknown_fields)]
pub struct Money {
    #[validate(length(min = 1, max = 19), custom(function = "crate::rules::amount"))]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 19, pattern = r"^[0-9]{1,15}(\.[0-9]{1,3})?$")
    )]
    pub amount: String,
    #[validate(length(equal = 3), custom(function = "crate::rules::currency"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 3, pattern = "^[A-Z]{3}$"))]
    pub currency: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-00000000a501", "category_id": "0193a4f2-7b1c-7cde-8f00-00000000ca01",
    "code": "AC_GAS", "names": {"en": "Refrigerant gas recharge", "vi": "Nạp gas"},
    "price": {"amount": "450000", "currency": "VND"}, "standard_minutes": 45, "active": true,
    "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z", "version": 1
})))]
pub struct ServiceItemDto {
    pub id: Uuid,
    pub category_id: Uuid,
    /// Upper-case letters, digits and `_`; unique per category.
    pub code: String,
    pub names: Names,
    pub price: Money,
    /// How long the job usually takes.
    pub standard_minutes: i32,
    /// Inactive items stay on the labour lines that have them but are not offered for new ones.
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Increases on every change; send it back as `If-Match` to update safely.
    pub version: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "category_id": "0193a4f2-7b1c-7cde-8f00-00000000ca01", "code": "AC_GAS",
    "names": {"en": "Refrigerant gas recharge", "vi": "Nạp gas"},
    "price": {"amount": "450000", "currency": "VND"}, "standard_minutes": 45
})))]
#[serde(deny_unknown_fields)]
pub struct CreateServiceItem {
    pub category_id: Uuid,
    /// Letters, digits and `_`, up to 32; stored trimmed and upper-cased.
    #[validate(length(min = 1, max = 32), custom(function = "crate::rules::list_code"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 32, pattern = "^ *[A-Za-z0-9_]+ *$"))]
    pub code: String,
    #[validate(nested)]
    pub names: Names,
    #[validate(nested)]
    pub price: Money,
    /// 0 to 10000 minutes.
    #[validate(range(min = 0, max = 10000))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 10000))]
    pub standard_minutes: i32,
}

/// A partial update: absent fields stay as they are. The category and code stay;
/// labour lines already recorded keep the price they were recorded with.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"price": {"amount": "500000", "currency": "VND"}})))]
#[serde(deny_unknown_fields)]
pub struct UpdateServiceItem {
    /// Replaces all the names.
    #[serde(default)]
    #[validate(nested)]
    pub names: Option<Names>,
    #[serde(default)]
    #[validate(nested)]
    pub price: Option<Money>,
    #[serde(default)]
    #[validate(range(min = 0, max = 10000))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 10000))]
    pub standard_minutes: Option<i32>,
    #[serde(default)]
    pub active: Option<bool>,
}

/// Filters for `GET /api/v1/service-items`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct ServiceItemQuery {
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
