//! Counter sales' use cases (sell, read, list), and what they share: amounts in
//! the sale's currency and the wire shape of a sale.
pub mod get;
pub mod list;
mod pricing;
pub mod sell;

use aftersales_api_types::part_sales::{PartSaleDto, PartSaleLineDto};
use aftersales_domain::stock::sales::margin;
use aftersales_persistence::part_sales::{PartSale, PartSaleLine};

use crate::money_dto::money_out;

pub(crate) const ENTITY: &str = "part_sale";

pub(crate) fn line_out(l: &PartSaleLine) -> PartSaleLineDto {
    PartSaleLineDto {
        line_no: l.line_no,
        part_id: l.part_id,
        quantity: l.quantity,
        list_price: money_out(l.list_price),
        unit_price: money_out(l.unit_price),
        discount: money_out(l.discount),
        line_total: money_out(l.line_total),
        unit_cost: money_out(l.unit_cost),
        cost: money_out(l.cost),
        margin_minor: margin(l.line_total, l.cost).minor(),
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
        total: money_out(s.total),
        cost: money_out(s.cost),
        margin_minor: margin(s.total, s.cost).minor(),
        sold_by: s.sold_by,
        sold_at: s.sold_at,
        note: s.note.clone(),
        lines: s.lines.iter().map(line_out).collect(),
    }
}
