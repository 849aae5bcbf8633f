//! Counter sales of parts: parts sold from a warehouse to a customer or a walk-in
//! buyer, each line leaving the shelf as a `sale` movement.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::service_items::Money;

/// A sale to record. Every line leaves the warehouse in one go: if any part is
/// short, nothing is sold.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "warehouse_id": "0193a4f2-7b1c-7cde-8f00-0000000000a1", "customer_name": "Walk-in", "customer_phone": "0912 345 678",
    "currency": "VND",
    "lines": [{"part_id": "0193a4f2-7b1c-7cde-8f00-0000000000b1", "quantity": 2},
              {"part_id": "0193a4f2-7b1c-7cde-8f00-0000000000b2", "quantity": 1, "discount": "50000", "price_reason": "loyal customer"}]
})))]
#[serde(deny_unknown_fields)]
pub struct NewPartSale {
    pub warehouse_id: Uuid,
    /// A registered customer in your part of the network; leave it out for a walk-in buyer.
    #[serde(default)]
    pub customer_id: Option<Uuid>,
    /// A walk-in buyer's name (not with `customer_id`).
    #[serde(default)]
    #[validate(length(min = 1, max = 200), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200, pattern = r"[^\s\u0085]"))]
    pub customer_name: Option<String>,
    /// A walk-in buyer's phone (not with `customer_id`).
    #[serde(default)]
    #[validate(custom(function = "crate::rules::phone"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 32, pattern = r"^\+?[0-9 ()-]{3,32}$"))]
    pub customer_phone: Option<String>,
    /// Every part sold must be priced in it.
    #[validate(length(equal = 3), custom(function = "crate::rules::currency"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 3, pattern = "^[A-Z]{3}$"))]
    pub currency: String,
    /// 1 to 100 lines, one per part.
    #[validate(length(min = 1, max = 100), nested)]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 100))]
    pub lines: Vec<NewPartSaleLine>,
    #[serde(default)]
    #[validate(length(min = 1, max = 1000), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000, pattern = r"[^\s\u0085]"))]
    pub note: Option<String>,
}

/// One part sold. It sells at the part's selling price; another `unit_price` or a
/// `discount` needs a `price_reason`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewPartSaleLine {
    pub part_id: Uuid,
    #[validate(range(min = 1, max = 1_000_000))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1_000_000))]
    pub quantity: i64,
    /// A decimal amount in the sale's currency; the part's selling price when absent.
    #[serde(default)]
    #[validate(length(min = 1, max = 19), custom(function = "crate::rules::amount"))]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 19, pattern = r"^[0-9]{1,15}(\.[0-9]{1,3})?$")
    )]
    pub unit_price: Option<String>,
    /// Taken off the line (quantity × unit price), in the sale's currency.
    #[serde(default)]
    #[validate(length(min = 1, max = 19), custom(function = "crate::rules::amount"))]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 19, pattern = r"^[0-9]{1,15}(\.[0-9]{1,3})?$")
    )]
    pub discount: Option<String>,
    /// Why the line is not sold at the selling price.
    #[serde(default)]
    #[validate(length(min = 1, max = 500), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 500, pattern = r"[^\s\u0085]"))]
    pub price_reason: Option<String>,
}

/// A recorded sale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartSaleDto {
    pub id: Uuid,
    /// `PS-HN01-2026-000001`: per branch and year, without gaps.
    pub number: String,
    pub branch_id: Uuid,
    pub branch_code: String,
    pub branch_name: String,
    pub warehouse_id: Uuid,
    pub warehouse_code: String,
    pub warehouse_name: String,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub customer_id: Option<Uuid>,
    /// The walk-in buyer's name, as given.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub customer_name: Option<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub customer_phone: Option<String>,
    /// Who bought, as a slip prints it: the registered customer's name, else the
    /// walk-in buyer's, if given.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub buyer_name: Option<String>,
    pub total: Money,
    /// What the parts sold cost the warehouse, at its moving-average cost.
    pub cost: Money,
    /// Total less cost, in minor units of the currency (negative when sold at a loss).
    pub margin_minor: i64,
    pub sold_by: Uuid,
    /// The seller's display name.
    pub sold_by_name: String,
    pub sold_at: DateTime<Utc>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub note: Option<String>,
    pub lines: Vec<PartSaleLineDto>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartSaleLineDto {
    pub line_no: i32,
    pub part_id: Uuid,
    pub sku: String,
    pub part_name: String,
    pub quantity: i64,
    /// The part's selling price at the time of the sale.
    pub list_price: Money,
    pub unit_price: Money,
    pub discount: Money,
    pub line_total: Money,
    /// The moving-average cost of one unit, from the sale movement.
    pub unit_cost: Money,
    pub cost: Money,
    /// Line total less cost, in minor units (negative when sold at a loss).
    pub margin_minor: i64,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub price_reason: Option<String>,
    /// The `sale` movement in the stock ledger.
    pub movement_id: Uuid,
}

/// Which sales to list, newest first; all filters optional and combined with AND.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct PartSaleQuery {
    pub warehouse_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    /// Sold at or after.
    pub sold_from: Option<DateTime<Utc>>,
    /// Sold before.
    pub sold_to: Option<DateTime<Utc>>,
    /// 1 to 200; 50 when absent.
    #[validate(range(min = 1, max = 200))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u32>,
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub cursor: Option<String>,
}
