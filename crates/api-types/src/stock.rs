//! Stock on hand and its ledger: receiving parts and issuing them.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

/// Parts arriving in a warehouse at a unit cost (in the part's currency).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "warehouse_id": "0193a4f2-7b1c-7cde-8f00-0000000000a1", "part_id": "0193a4f2-7b1c-7cde-8f00-0000000000b1",
    "quantity": 10, "unit_cost": "1250000", "reason": "opening stock"
})))]
#[serde(deny_unknown_fields)]
pub struct ReceiveStock {
    pub warehouse_id: Uuid,
    pub part_id: Uuid,
    #[validate(range(min = 1, max = 1_000_000))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1_000_000))]
    pub quantity: i64,
    /// A decimal amount in the part's currency, e.g. `1250000` (VND) or `12.50` (USD).
    #[validate(length(min = 1, max = 24), custom(function = "crate::rules::amount"))]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 24, pattern = r"^[0-9]{1,15}(\.[0-9]{1,3})?$")
    )]
    pub unit_cost: String,
    #[serde(default)]
    #[validate(length(min = 1, max = 500), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 500, pattern = r"[^\s\u0085]"))]
    pub reason: Option<String>,
}

/// Parts leaving a warehouse for a ticket.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "warehouse_id": "0193a4f2-7b1c-7cde-8f00-0000000000a1", "part_id": "0193a4f2-7b1c-7cde-8f00-0000000000b1",
    "quantity": 1, "ticket_id": "0193a4f2-7b1c-7cde-8f00-0000000000c1"
})))]
#[serde(deny_unknown_fields)]
pub struct IssueStock {
    pub warehouse_id: Uuid,
    pub part_id: Uuid,
    #[validate(range(min = 1, max = 1_000_000))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1_000_000))]
    pub quantity: i64,
    /// The ticket the parts are for, in your part of the network.
    #[serde(default)]
    pub ticket_id: Option<Uuid>,
    #[serde(default)]
    #[validate(length(min = 1, max = 500), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 500, pattern = r"[^\s\u0085]"))]
    pub reason: Option<String>,
}

/// The stock of one part in one warehouse.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StockDto {
    pub warehouse_id: Uuid,
    pub part_id: Uuid,
    pub on_hand: i64,
    /// Promised to tickets.
    pub reserved: i64,
    /// On hand and not promised.
    pub available: i64,
    /// What the units on hand cost, in minor units of the part's currency.
    pub value_minor: i64,
    pub average_cost_minor: i64,
    pub updated_at: DateTime<Utc>,
}

/// The stock of one part in a warehouse as the stock list answers it: with the
/// warehouse code and the part's SKU, name and currency, so a screen needs no
/// second look-up to label a line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StockLineDto {
    pub warehouse_id: Uuid,
    pub warehouse_code: String,
    pub part_id: Uuid,
    /// The part number.
    pub sku: String,
    pub part_name: String,
    /// The part's currency, which the values are in.
    pub currency: String,
    pub on_hand: i64,
    /// Promised to tickets.
    pub reserved: i64,
    /// On hand and not promised.
    pub available: i64,
    /// What the units on hand cost, in minor units of the part's currency.
    pub value_minor: i64,
    pub average_cost_minor: i64,
    pub updated_at: DateTime<Utc>,
}

/// One row of the append-only ledger.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"id": "0193a4f2-7b1c-7cde-8f00-00000000d001", "warehouse_id": "0193a4f2-7b1c-7cde-8f00-00000000b001", "part_id": "0193a4f2-7b1c-7cde-8f00-00000000c001", "kind": "issue_to_ticket", "quantity": -1, "value_delta_minor": -1250000, "unit_cost_minor": 1250000, "on_hand_after": 4, "actor_id": "0193a4f2-7b1c-7cde-8f00-000000000001", "reason": null, "document_kind": "ticket", "document_id": "0193a4f2-7b1c-7cde-8f00-00000000f001", "ticket_id": "0193a4f2-7b1c-7cde-8f00-00000000f001", "at": "2026-03-04T09:12:00Z"})))]
pub struct MovementDto {
    pub id: Uuid,
    pub warehouse_id: Uuid,
    pub part_id: Uuid,
    /// receipt, purchase_receipt, issue_to_ticket, return_unused, defective_return,
    /// transfer_out, transfer_in, sale, return_to_vendor, stocktake_adjustment, write_off
    #[cfg_attr(feature = "openapi", schema(value_type = crate::vocab::MovementKind))]
    pub kind: String,
    /// Signed: positive in, negative out.
    pub quantity: i64,
    pub value_delta_minor: i64,
    pub unit_cost_minor: i64,
    pub on_hand_after: i64,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub actor_id: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub reason: Option<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub document_kind: Option<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub document_id: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub ticket_id: Option<Uuid>,
    pub at: DateTime<Utc>,
}

/// A movement made, with the stock after it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MovementResult {
    pub movement: MovementDto,
    pub stock: StockDto,
}

/// Which stock to show.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct StockQuery {
    pub warehouse_id: Uuid,
    pub part_id: Option<Uuid>,
    /// 1 to 200; 50 when absent.
    #[validate(range(min = 1, max = 200))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u32>,
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub cursor: Option<String>,
}
