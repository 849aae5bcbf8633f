//! Labour lines on a ticket: the services done, priced when recorded.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::service_items::Money;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-00000000b001", "service_item_id": "0193a4f2-7b1c-7cde-8f00-00000000a501",
    "code": "AC_GAS", "description": "Refrigerant gas recharge", "quantity": 1,
    "unit_price": {"amount": "450000", "currency": "VND"}, "minutes": 45,
    "line_total": {"amount": "450000", "currency": "VND"},
    "technician_id": "0193a4f2-7b1c-7cde-8f00-00000000e001", "created_by": "0193a4f2-7b1c-7cde-8f00-00000000e001",
    "created_at": "2026-01-01T00:00:00Z"
})))]
pub struct LabourLineDto {
    pub id: Uuid,
    /// The catalogue item the line was taken from; absent on a free line.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub service_item_id: Option<Uuid>,
    pub code: String,
    pub description: String,
    pub quantity: i32,
    /// As it was when the line was recorded; later catalogue changes do not touch it.
    pub unit_price: Money,
    /// Minutes per unit, as recorded.
    pub minutes: i32,
    /// `quantity` × `unit_price`.
    pub line_total: Money,
    /// The technician who did the work.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub technician_id: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

/// The labour of a ticket: its lines, oldest first, and what they add up to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketLabourDto {
    pub lines: Vec<LabourLineDto>,
    /// One total per currency, by currency code; exact.
    pub totals: Vec<Money>,
    /// Σ quantity × minutes.
    pub total_minutes: i64,
}

/// A labour line: either from the service catalogue (`service_item_id`: code,
/// description, price and minutes are copied from the item) or a free line with
/// its own `code`, `description` and `unit_price` (office staff only).
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "service_item_id": "0193a4f2-7b1c-7cde-8f00-00000000a501", "quantity": 1
})))]
#[serde(deny_unknown_fields)]
pub struct AddLabourLine {
    /// An active service item of the ticket's product category.
    #[serde(default)]
    pub service_item_id: Option<Uuid>,
    /// Free line: letters, digits and `_`, stored upper-case.
    #[serde(default)]
    #[validate(length(min = 1, max = 32), custom(function = "crate::rules::list_code"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 32, pattern = "^ *[A-Za-z0-9_]+ *$"))]
    pub code: Option<String>,
    /// Free line: what was done.
    #[serde(default)]
    #[validate(length(min = 1, max = 200), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200, pattern = r"[^\s\u0085]"))]
    pub description: Option<String>,
    /// Free line: the price of one unit.
    #[serde(default)]
    #[validate(nested)]
    pub unit_price: Option<Money>,
    /// Free line: minutes per unit; 0 when absent.
    #[serde(default)]
    #[validate(range(min = 0, max = 10000))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 10000))]
    pub minutes: Option<i32>,
    /// 1 to 999; 1 when absent.
    #[serde(default)]
    #[validate(range(min = 1, max = 999))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 999))]
    pub quantity: Option<i32>,
    /// Who did the work: a technician of your part of the network. When absent and
    /// you are a technician, you.
    #[serde(default)]
    pub technician_id: Option<Uuid>,
}
