//! `/api/v1/serials`: the registry of sold units, found by serial, card, sale
//! document or the owner's phone.
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::patch::double_option;

/// One sold unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-00000000f001", "brand_id": "0193a4f2-7b1c-7cde-8f00-00000000b001",
    "model_id": "0193a4f2-7b1c-7cde-8f00-00000000d001", "serial": "K3J-00042", "serial_key": "K3J00042",
    "lot": "2025-10A", "manufacture_date": "2025-10-01", "sale_date": "2026-01-10", "sale_document": "INV-2026-0042",
    "seller": "Điện Máy Xanh", "delivery_date": "2026-01-12", "installation_date": "2026-01-15",
    "installation_address": "12 Trần Duy Hưng, Cầu Giấy, Hà Nội", "registration_date": "2026-01-16",
    "warranty_card_number": "WC-000042", "owner_customer_id": "0193a4f2-7b1c-7cde-8f00-00000000c001",
    "created_at": "2026-01-16T08:00:00Z", "updated_at": "2026-01-16T08:00:00Z", "version": 1
})))]
pub struct SerialUnitDto {
    pub id: Uuid,
    /// The brand of the model.
    pub brand_id: Uuid,
    pub model_id: Uuid,
    /// As printed on the unit.
    pub serial: String,
    /// The serial as looked up: upper case, without separators.
    pub serial_key: String,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub lot: Option<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub manufacture_date: Option<NaiveDate>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub sale_date: Option<NaiveDate>,
    /// Invoice or order number of the sale.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub sale_document: Option<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub seller: Option<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub delivery_date: Option<NaiveDate>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub installation_date: Option<NaiveDate>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub installation_address: Option<String>,
    /// Registration of the unit or activation of its warranty card.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub registration_date: Option<NaiveDate>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub warranty_card_number: Option<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub owner_customer_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Increases on every change; send it back as `If-Match` to update safely.
    pub version: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "model_id": "0193a4f2-7b1c-7cde-8f00-00000000d001", "serial": "K3J-00042", "sale_date": "2026-01-10",
    "sale_document": "INV-2026-0042", "warranty_card_number": "WC-000042",
    "owner_customer_id": "0193a4f2-7b1c-7cde-8f00-00000000c001"
})))]
#[serde(deny_unknown_fields)]
pub struct RegisterSerial {
    /// The unit's model; its brand is the unit's brand.
    pub model_id: Uuid,
    /// As printed; letters and digits, separators (space `-` `.` `/` `_`) ignored when matching.
    #[validate(length(min = 1, max = 80), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 80, pattern = r"[A-Za-z0-9]"))]
    pub serial: String,
    #[serde(default)]
    #[validate(length(max = 64))]
    #[cfg_attr(feature = "openapi", schema(max_length = 64))]
    pub lot: Option<String>,
    #[serde(default)]
    pub manufacture_date: Option<NaiveDate>,
    #[serde(default)]
    pub sale_date: Option<NaiveDate>,
    #[serde(default)]
    #[validate(length(max = 64))]
    #[cfg_attr(feature = "openapi", schema(max_length = 64))]
    pub sale_document: Option<String>,
    #[serde(default)]
    #[validate(length(max = 120))]
    #[cfg_attr(feature = "openapi", schema(max_length = 120))]
    pub seller: Option<String>,
    #[serde(default)]
    pub delivery_date: Option<NaiveDate>,
    #[serde(default)]
    pub installation_date: Option<NaiveDate>,
    #[serde(default)]
    #[validate(length(max = 400))]
    #[cfg_attr(feature = "openapi", schema(max_length = 400))]
    pub installation_address: Option<String>,
    #[serde(default)]
    pub registration_date: Option<NaiveDate>,
    /// Unique across the registry.
    #[serde(default)]
    #[validate(length(max = 32))]
    #[cfg_attr(feature = "openapi", schema(max_length = 32))]
    pub warranty_card_number: Option<String>,
    /// A customer of your part of the network.
    #[serde(default)]
    pub owner_customer_id: Option<Uuid>,
}

/// Changes to the facts of a unit: absent fields stay, `null` clears. The owner
/// changes through `POST /api/v1/serials/{id}/owner`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"installation_date": "2026-01-15", "installation_address": "12 Trần Duy Hưng, Hà Nội"})))]
#[serde(deny_unknown_fields)]
pub struct UpdateSerial {
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 64))]
    #[cfg_attr(feature = "openapi", schema(max_length = 64))]
    pub lot: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    pub manufacture_date: Option<Option<NaiveDate>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    pub sale_date: Option<Option<NaiveDate>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 64))]
    #[cfg_attr(feature = "openapi", schema(max_length = 64))]
    pub sale_document: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 120))]
    #[cfg_attr(feature = "openapi", schema(max_length = 120))]
    pub seller: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    pub delivery_date: Option<Option<NaiveDate>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    pub installation_date: Option<Option<NaiveDate>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 400))]
    #[cfg_attr(feature = "openapi", schema(max_length = 400))]
    pub installation_address: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    pub registration_date: Option<Option<NaiveDate>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 32))]
    #[cfg_attr(feature = "openapi", schema(max_length = 32))]
    pub warranty_card_number: Option<Option<String>>,
}

/// Ways to find units for `GET /api/v1/serials`; every given key must match.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct SerialQuery {
    /// The serial as printed, in any case and with any separators.
    #[validate(length(min = 1, max = 80))]
    #[cfg_attr(feature = "openapi", param(min_length = 1, max_length = 80))]
    pub serial: Option<String>,
    #[validate(length(min = 1, max = 32))]
    #[cfg_attr(feature = "openapi", param(min_length = 1, max_length = 32))]
    pub warranty_card: Option<String>,
    /// The sale document (invoice or order number).
    #[validate(length(min = 1, max = 64))]
    #[cfg_attr(feature = "openapi", param(min_length = 1, max_length = 64))]
    pub document: Option<String>,
    /// The owner's phone number, in any format or script of digits.
    #[validate(length(min = 1, max = 32))]
    #[cfg_attr(feature = "openapi", param(min_length = 1, max_length = 32))]
    pub phone: Option<String>,
    pub brand_id: Option<Uuid>,
    pub model_id: Option<Uuid>,
    /// 1 to 200; 50 when absent.
    #[validate(range(min = 1, max = 200))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page.
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub cursor: Option<String>,
}

/// `GET /api/v1/serials/{serial}/history`: which brand, when several share the serial.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct HistoryQuery {
    pub brand_id: Option<Uuid>,
}
