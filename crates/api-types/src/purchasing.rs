//! Purchase orders (`/api/v1/purchase-orders`): written as a draft, ordered from
//! a supplier or manufacturer, received into a warehouse in one or more receipts
//! at the ordered cost, never more than was ordered.
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::patch::double_option;
use crate::service_items::Money;

/// Where a purchase order stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "ordered"))]
#[serde(rename_all = "snake_case")]
pub enum PurchaseOrderStatus {
    /// Being written; lines may change.
    Draft,
    /// Sent to the supplier; waiting for goods.
    Ordered,
    PartiallyReceived,
    Received,
    Cancelled,
}

/// A part, how many, and what one costs in the order's currency.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PurchaseLineInput {
    /// An active part priced in the order's currency; each part once per order.
    pub part_id: Uuid,
    #[validate(range(min = 1, max = 1_000_000))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1_000_000))]
    pub quantity: i64,
    /// A decimal amount in the order's currency, e.g. `1250000` (VND) or `12.50` (USD).
    #[validate(length(min = 1, max = 24), custom(function = "crate::rules::amount"))]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 24, pattern = r"^[0-9]{1,15}(\.[0-9]{1,3})?$")
    )]
    pub unit_cost: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "warehouse_id": "0193a4f2-7b1c-7cde-8f00-0000000000a1", "supplier_name": "Daikin Vietnam",
    "brand_id": "0193a4f2-7b1c-7cde-8f00-0000000000d1", "currency": "VND", "expected_on": "2026-03-01",
    "lines": [{"part_id": "0193a4f2-7b1c-7cde-8f00-0000000000b1", "quantity": 10, "unit_cost": "1200000"}]
})))]
#[serde(deny_unknown_fields)]
pub struct CreatePurchaseOrder {
    /// An open warehouse of your part of the network, where the goods arrive.
    pub warehouse_id: Uuid,
    #[validate(length(min = 1, max = 200), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200, pattern = r"[^\s\u0085]"))]
    pub supplier_name: String,
    /// The manufacturer, when ordering from one.
    #[serde(default)]
    pub brand_id: Option<Uuid>,
    /// ISO 4217; every line's part must be priced in it.
    #[validate(custom(function = "crate::rules::currency"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 3, pattern = "^[A-Z]{3}$"))]
    pub currency: String,
    #[serde(default)]
    pub expected_on: Option<NaiveDate>,
    #[serde(default)]
    #[validate(length(min = 1, max = 500), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 500, pattern = r"[^\s\u0085]"))]
    pub note: Option<String>,
    /// Up to 200 lines; a draft may start empty, an order needs at least one.
    #[serde(default)]
    #[validate(length(max = 200), nested)]
    #[cfg_attr(feature = "openapi", schema(max_items = 200))]
    pub lines: Vec<PurchaseLineInput>,
}

/// Changes to a draft: absent fields stay as they are; `lines` replaces them all.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "lines": [{"part_id": "0193a4f2-7b1c-7cde-8f00-0000000000b1", "quantity": 12, "unit_cost": "1150000"}]
})))]
#[serde(deny_unknown_fields)]
pub struct UpdatePurchaseOrder {
    #[serde(default)]
    #[validate(length(min = 1, max = 200), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200, pattern = r"[^\s\u0085]"))]
    pub supplier_name: Option<String>,
    /// `null` clears it.
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    pub brand_id: Option<Option<Uuid>>,
    /// `null` clears it.
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    pub expected_on: Option<Option<NaiveDate>>,
    /// `null` clears it.
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[validate(length(min = 1, max = 500), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 500, pattern = r"[^\s\u0085]"))]
    pub note: Option<Option<String>>,
    #[serde(default)]
    #[validate(length(max = 200), nested)]
    #[cfg_attr(feature = "openapi", schema(max_items = 200))]
    pub lines: Option<Vec<PurchaseLineInput>>,
}

/// What arrived of one part.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PurchaseReceiptLine {
    /// A part on the order.
    pub part_id: Uuid,
    /// At most what is outstanding.
    #[validate(range(min = 1, max = 1_000_000))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1_000_000))]
    pub quantity: i64,
    /// What one actually cost (the supplier's invoice), when not the ordered cost.
    #[serde(default)]
    #[validate(length(min = 1, max = 24), custom(function = "crate::rules::amount"))]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 24, pattern = r"^[0-9]{1,15}(\.[0-9]{1,3})?$")
    )]
    pub unit_cost: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "lines": [{"part_id": "0193a4f2-7b1c-7cde-8f00-0000000000b1", "quantity": 4}]
})))]
#[serde(deny_unknown_fields)]
pub struct ReceivePurchaseOrder {
    /// Each part at most once.
    #[validate(length(min = 1, max = 200), nested)]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 200))]
    pub lines: Vec<PurchaseReceiptLine>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PurchaseOrderLineDto {
    pub part_id: Uuid,
    pub quantity_ordered: i64,
    pub unit_cost: Money,
    pub quantity_received: i64,
    /// Ordered and not yet arrived.
    pub outstanding: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PurchaseOrderDto {
    pub id: Uuid,
    /// `PO-HN01-2026-000001`: the receiving warehouse's branch, year, sequence without gaps.
    pub number: String,
    pub warehouse_id: Uuid,
    pub supplier_name: String,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub brand_id: Option<Uuid>,
    pub currency: String,
    pub status: PurchaseOrderStatus,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub expected_on: Option<NaiveDate>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub note: Option<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub ordered_by: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub ordered_at: Option<DateTime<Utc>>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub received_at: Option<DateTime<Utc>>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub cancelled_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    /// Increases on every change; send it back as `If-Match` to change safely.
    pub version: i64,
    pub lines: Vec<PurchaseOrderLineDto>,
}

/// Filters for `GET /api/v1/purchase-orders`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct PurchaseOrderQuery {
    pub status: Option<PurchaseOrderStatus>,
    pub warehouse_id: Option<Uuid>,
    /// 1 to 200; 50 when absent.
    #[validate(range(min = 1, max = 200))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page.
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub cursor: Option<String>,
}
