//! Counter sales' use cases (sell, read, list), and what they share: amounts in
//! the sale's currency and the wire shape of a sale.
pub mod get;
pub mod list;
mod pricing;
pub mod sell;

use std::str::FromStr;

use aftersales_api_types::part_sales::{PartSaleDto, PartSaleLineDto};
use aftersales_domain::money::{MoneyError, to_minor};
use aftersales_domain::stock::sales::margin;
use aftersales_persistence::part_sales::{PartSale, PartSaleLine};
use rust_decimal::Decimal;

use crate::error::ApiError;
use crate::money_dto::money_out;

pub(crate) const ENTITY: &str = "part_sale";

/// A decimal amount of the sale's currency in minor units; 422 naming `field`.
pub(crate) fn amount_in(text: &str, currency: &str, field: &str) -> Result<i64, ApiError> {
    let amount = Decimal::from_str(text).map_err(|_| ApiError::field(field, "format", "is not a decimal amount"))?;
    to_minor(amount, currency).map_err(|e| {
        let code = match e {
            MoneyError::TooPrecise { .. } => "too_precise",
            MoneyError::TooLarge => "too_large",
            MoneyError::Negative => "negative",
        };
        ApiError::field(field, code, e.to_string())
    })
}

pub(crate) fn line_out(l: &PartSaleLine, currency: &str) -> PartSaleLineDto {
    PartSaleLineDto {
        line_no: l.line_no,
        part_id: l.part_id,
        quantity: l.quantity,
        list_price: money_out(l.list_price_minor, currency),
        unit_price: money_out(l.unit_price_minor, currency),
        discount: money_out(l.discount_minor, currency),
        line_total: money_out(l.line_total_minor, currency),
        unit_cost: money_out(l.unit_cost_minor, currency),
        cost: money_out(l.cost_minor, currency),
        margin_minor: margin(l.line_total_minor, l.cost_minor),
        price_reason: l.price_reason.clone(),
        movement_id: l.movement_id,
    }
}

pub(crate) fn sale_out(s: &PartSale) -> PartSaleDto {
    PartSaleDto {
        id: s.id,
        number: s.number.clone(),
        branch_id: s.branch_id,
        warehouse_id: s.warehouse_id,
        customer_id: s.customer_id,
        customer_name: s.customer_name.clone(),
        customer_phone: s.customer_phone.clone(),
        total: money_out(s.total_minor, &s.currency),
        cost: money_out(s.cost_minor, &s.currency),
        margin_minor: margin(s.total_minor, s.cost_minor),
        sold_by: s.sold_by,
        sold_at: s.sold_at,
        note: s.note.clone(),
        lines: s.lines.iter().map(|l| line_out(l, &s.currency)).collect(),
    }
}
