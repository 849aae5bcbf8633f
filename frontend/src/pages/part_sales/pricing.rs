//! What a line typed in the form costs the buyer, by the server's own rule
//! (`aftersales_domain::stock::sales::price_line`): quantity × unit price −
//! discount; another price than the list's, or a discount, needs a reason.

use aftersales_api_types::part_sales::NewPartSaleLine;
use aftersales_api_types::service_items::Money as WireMoney;
use aftersales_domain::money::{Currency, Money};
use aftersales_domain::stock::sales::{LineRequest, PriceError, price_line};
use uuid::Uuid;

use crate::i18n::number::parse_amount;
use crate::pages::purchasing::{typed_amount, typed_quantity};

/// A line as typed: texts in any digits.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TypedLine {
    pub quantity: String,
    pub unit_price: String,
    pub discount: String,
    pub reason: String,
}

/// A line priced: its total in minor units, and whether it leaves the list price.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    pub total_minor: i64,
    pub deviates: bool,
}

/// Where a typed line is wrong: the request's field and the catalogue key.
pub type LineMistake = (&'static str, &'static str);

/// The line's price, or which field is wrong and why.
pub fn quote(list: &WireMoney, typed: &TypedLine) -> Result<Quote, LineMistake> {
    let currency = Currency::parse(&list.currency).ok_or(("part_id", "part_sales.error.price"))?;
    let money = |text: &str, field: &'static str| {
        typed_amount(text)
            .and_then(|a| parse_amount(&a, &list.currency))
            .map(|minor| Money::new(minor, currency))
            .ok_or((field, "part_sales.error.amount"))
    };
    let quantity = typed_quantity(&typed.quantity).ok_or(("quantity", "part_sales.error.quantity"))?;
    let list_price = money(&list.amount, "part_id")?;
    let unit_price =
        if typed.unit_price.trim().is_empty() { list_price } else { money(&typed.unit_price, "unit_price")? };
    let discount =
        if typed.discount.trim().is_empty() { Money::zero(currency) } else { money(&typed.discount, "discount")? };
    let request = LineRequest {
        quantity,
        list_price,
        unit_price: Some(unit_price),
        discount,
        has_reason: !typed.reason.trim().is_empty(),
    };
    match price_line(request) {
        Ok(priced) => Ok(Quote { total_minor: priced.line_total.minor(), deviates: priced.deviates }),
        Err(PriceError::ReasonRequired) => {
            // Still worth showing the total; the reason is asked for beside it.
            let priced = price_line(LineRequest { has_reason: true, ..request })
                .map_err(|_| ("price_reason", "part_sales.error.reason"))?;
            Ok(Quote { total_minor: priced.line_total.minor(), deviates: true })
        }
        Err(PriceError::DiscountTooLarge { .. }) => Err(("discount", "part_sales.error.discount")),
        Err(PriceError::Overflow) => Err(("quantity", "part_sales.error.too_large")),
        Err(_) => Err(("unit_price", "part_sales.error.amount")),
    }
}

/// The line as the API takes it: a price or a discount only when they differ
/// from the list, a reason only when one is needed.
pub fn request_line(part_id: Uuid, list: &WireMoney, typed: &TypedLine, quote: Quote) -> NewPartSaleLine {
    let list_minor = parse_amount(&list.amount, &list.currency);
    let unit = typed_amount(&typed.unit_price)
        .filter(|a| parse_amount(a, &list.currency).is_some() && parse_amount(a, &list.currency) != list_minor);
    let discount = typed_amount(&typed.discount).filter(|a| parse_amount(a, &list.currency).is_some_and(|m| m > 0));
    let reason = typed.reason.trim();
    NewPartSaleLine {
        part_id,
        quantity: typed_quantity(&typed.quantity).unwrap_or(0),
        unit_price: unit,
        discount,
        price_reason: (quote.deviates && !reason.is_empty()).then(|| reason.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vnd(amount: &str) -> WireMoney {
        WireMoney { amount: amount.to_owned(), currency: "VND".to_owned() }
    }

    fn typed(quantity: &str, unit: &str, discount: &str, reason: &str) -> TypedLine {
        TypedLine {
            quantity: quantity.to_owned(),
            unit_price: unit.to_owned(),
            discount: discount.to_owned(),
            reason: reason.to_owned(),
        }
    }

    #[test]
    fn a_line_at_the_list_price_is_quantity_times_price() {
        let q = quote(&vnd("500000"), &typed("۳", "500000", "", ""));
        assert_eq!(q, Ok(Quote { total_minor: 1_500_000, deviates: false }));
    }

    #[test]
    fn a_discount_is_taken_off_and_needs_a_reason_on_the_request() {
        let line = typed("3", "500000", "100000", "");
        let q = quote(&vnd("500000"), &line).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(q, Quote { total_minor: 1_400_000, deviates: true });
        let sent = request_line(Uuid::nil(), &vnd("500000"), &line, q);
        assert_eq!((sent.unit_price, sent.discount.as_deref(), sent.price_reason), (None, Some("100000"), None));
        assert_eq!(
            quote(&vnd("500000"), &typed("1", "500000", "600000", "x")),
            Err(("discount", "part_sales.error.discount"))
        );
        assert_eq!(
            quote(&vnd("500000"), &typed("0", "500000", "", "")),
            Err(("quantity", "part_sales.error.quantity"))
        );
    }
}
