//! `/purchase-orders` and `/purchase-orders/:id`: parts ordered from a supplier and
//! received into a warehouse. The list keeps its filters in the URL and pages with
//! the API's cursor; above it, the parts below their reorder point start a draft.
//! The order page writes, orders, receives and cancels without a page reload.

mod detail;
mod draft;
pub mod filters;
mod lines;
mod list;
mod receive;
mod to_order;

use std::collections::HashMap;

use aftersales_api_types::catalogue::BrandDto;
use aftersales_api_types::parts::PartDto;
use aftersales_api_types::purchasing::PurchaseOrderDto;
use aftersales_api_types::warehouses::WarehouseDto;
use futures::future::join3;
use leptos::prelude::*;
use uuid::Uuid;

pub use self::detail::PurchaseOrderPage;
pub use self::list::PurchaseOrdersPage;
use crate::api::{self, ApiError};
use crate::i18n::I18n;
use crate::i18n::number::parse_amount;
use crate::session::Session;

/// What every purchasing screen looks things up in, read once per page.
#[derive(Debug, Clone, Copy)]
pub struct Lists {
    pub session: Session,
    pub warehouses: StoredValue<Vec<WarehouseDto>>,
    pub parts: StoredValue<HashMap<Uuid, PartDto>>,
    pub brands: StoredValue<Vec<BrandDto>>,
}

impl Lists {
    /// The warehouses, parts and brands in the user's scope.
    pub async fn load(session: Session) -> Result<Lists, ApiError> {
        let (warehouses, parts, brands) =
            join3(api::reference::warehouses(session), api::stock::parts(session), api::reference::brands(session))
                .await;
        Ok(Lists {
            session,
            warehouses: StoredValue::new(warehouses?),
            parts: StoredValue::new(parts?.into_iter().map(|p| (p.id, p)).collect()),
            brands: StoredValue::new(brands?),
        })
    }

    pub fn part(&self, id: Uuid) -> Option<PartDto> {
        self.parts.with_value(|p| p.get(&id).cloned())
    }

    /// A warehouse's code, or its id when it is not in scope.
    pub fn warehouse_code(&self, id: Uuid) -> String {
        self.warehouses
            .with_value(|w| w.iter().find(|w| w.id == id).map(|w| w.code.clone()))
            .unwrap_or_else(|| id.to_string())
    }
}

/// What the whole order costs, in minor units of its currency (ordered quantities).
pub fn total_minor(order: &PurchaseOrderDto) -> i64 {
    order
        .lines
        .iter()
        .map(|l| {
            parse_amount(&l.unit_cost.amount, &l.unit_cost.currency).unwrap_or(0).saturating_mul(l.quantity_ordered)
        })
        .fold(0i64, i64::saturating_add)
}

/// An amount typed in any digits, as the API takes it: `12.50`.
pub fn typed_amount(text: &str) -> Option<String> {
    let text = crate::i18n::number::latin_digits(text.trim()).replace('٫', ".");
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, "0"));
    let ok = text.len() <= 24
        && !whole.is_empty()
        && !fraction.is_empty()
        && whole.chars().chain(fraction.chars()).all(|c| c.is_ascii_digit());
    ok.then_some(text)
}

/// A whole number from 1 to 1,000,000 typed in any digits.
pub fn typed_quantity(text: &str) -> Option<i64> {
    let digits: String = crate::i18n::number::latin_digits(text.trim())
        .chars()
        .filter(|c| !matches!(c, ',' | '٬' | '\u{a0}' | '\u{202f}' | ' '))
        .collect();
    digits.parse::<i64>().ok().filter(|q| (1..=1_000_000).contains(q))
}

/// A count as a field shows it for editing: the reader's digits, no grouping.
pub fn field_number(i18n: I18n, n: i64) -> String {
    crate::i18n::number::localize_digits(i18n.locale(), &n.to_string())
}

#[cfg(test)]
mod tests {
    use super::{typed_amount, typed_quantity};

    #[test]
    fn typed_numbers_accept_any_digits() {
        assert_eq!(typed_amount("۱۲۵۰۰۰۰").as_deref(), Some("1250000"));
        assert_eq!(typed_amount("12.50").as_deref(), Some("12.50"));
        assert_eq!(typed_amount("-3"), None);
        assert_eq!(typed_amount(""), None);
        assert_eq!(typed_quantity("۴"), Some(4));
        assert_eq!(typed_quantity("0"), None);
        assert_eq!(typed_quantity("1,000"), Some(1000));
    }
}
