//! Counter sales' use cases (sell, read, list), and what they share: amounts in
//! the sale's currency and the wire shape of a sale.
pub mod get;
pub mod list;
mod pricing;
pub mod sell;

use aftersales_api_types::part_sales::{PartSaleDto, PartSaleLineDto};
use aftersales_domain::stock::sales::margin;
use aftersales_persistence::part_sales::{self, Names, PartSale, PartSaleLine};
use aftersales_persistence::{ConnectionTrait, StoreError};

use crate::money_dto::money_out;

pub(crate) const ENTITY: &str = "part_sale";

pub(crate) fn line_out(l: &PartSaleLine, names: &Names) -> PartSaleLineDto {
    let (sku, part_name) = names.parts.get(&l.part_id).cloned().unwrap_or_default();
    PartSaleLineDto {
        line_no: l.line_no,
        part_id: l.part_id,
        sku,
        part_name,
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

/// The sale as the wire shows it, with the names its ids stand for.
pub(crate) async fn one_out(db: &impl ConnectionTrait, sale: &PartSale) -> Result<PartSaleDto, StoreError> {
    let names = part_sales::names(db, std::slice::from_ref(sale)).await?;
    Ok(sale_out(sale, &names))
}

pub(crate) fn sale_out(s: &PartSale, names: &Names) -> PartSaleDto {
    let named = names.sales.get(&s.id).cloned().unwrap_or_default();
    PartSaleDto {
        id: s.id,
        number: s.number.clone(),
        branch_id: s.branch_id,
        branch_code: named.branch_code,
        branch_name: named.branch_name,
        warehouse_id: s.warehouse_id,
        warehouse_code: named.warehouse_code,
        warehouse_name: named.warehouse_name,
        customer_id: s.customer_id,
        customer_name: s.customer_name.clone(),
        customer_phone: s.customer_phone.clone(),
        buyer_name: named.customer_name.or_else(|| s.customer_name.clone()),
        total: money_out(s.total),
        cost: money_out(s.cost),
        margin_minor: margin(s.total, s.cost).minor(),
        sold_by: s.sold_by,
        sold_by_name: named.sold_by_name,
        sold_at: s.sold_at,
        note: s.note.clone(),
        lines: s.lines.iter().map(|l| line_out(l, names)).collect(),
    }
}
