//! What each line of a counter sale costs the buyer: the part's selling price, or
//! a different price or a discount with a reason, all in the sale's currency.
use aftersales_api_types::FieldError;
use aftersales_api_types::part_sales::{NewPartSale, NewPartSaleLine};
use aftersales_domain::stock::sales::{self, LineRequest, PriceError, PricedLine};
use aftersales_persistence::ConnectionTrait;
use aftersales_persistence::parts::Part;

use aftersales_domain::money::{Currency, Money};

use crate::error::ApiError;
use crate::money_dto::amount_in;
use crate::use_cases::stock::movable_part;

/// Each line's part (known, active, in the sale's currency, once per sale) and its
/// price; every bad line is named in one 422.
pub(super) async fn price_lines(
    db: &impl ConnectionTrait,
    body: &NewPartSale,
    currency: Currency,
) -> Result<Vec<(Part, PricedLine)>, ApiError> {
    let mut errors: Vec<FieldError> = Vec::new();
    let mut priced = Vec::with_capacity(body.lines.len());
    for (i, line) in body.lines.iter().enumerate() {
        match price_line(db, currency, i, line).await {
            Ok(done) if priced.iter().any(|(p, _): &(Part, PricedLine)| p.id == done.0.id) => {
                errors.push(FieldError::new(
                    format!("lines[{i}].part_id"),
                    "duplicate",
                    "this part is on an earlier line; put the whole quantity on one line",
                ))
            }
            Ok(done) => priced.push(done),
            Err(ApiError::Validation(mut list)) => errors.append(&mut list),
            Err(other) => return Err(other),
        }
    }
    if errors.is_empty() { Ok(priced) } else { Err(ApiError::Validation(errors)) }
}

async fn price_line(
    db: &impl ConnectionTrait,
    currency: Currency,
    i: usize,
    line: &NewPartSaleLine,
) -> Result<(Part, PricedLine), ApiError> {
    let field = |name: &str| format!("lines[{i}].{name}");
    let part = movable_part(db, line.part_id, &field("part_id")).await?;
    if part.price.currency() != currency {
        return Err(ApiError::field(
            &field("part_id"),
            "currency_mismatch",
            format!("{} is priced in {}, the sale is in {currency}", part.sku, part.price.currency()),
        ));
    }
    let unit_price = line.unit_price.as_deref().map(|a| amount_in(a, currency, &field("unit_price"))).transpose()?;
    let discount = match line.discount.as_deref() {
        Some(a) => amount_in(a, currency, &field("discount"))?,
        None => Money::zero(currency),
    };
    let request = LineRequest {
        quantity: line.quantity,
        list_price: part.price,
        unit_price,
        discount,
        has_reason: line.price_reason.as_deref().is_some_and(|r| !r.trim().is_empty()),
    };
    let priced = sales::price_line(request).map_err(|e| {
        let (name, code) = match e {
            PriceError::ReasonRequired => ("price_reason", "required"),
            PriceError::DiscountTooLarge { .. } => ("discount", "too_large"),
            PriceError::NotPositive => ("quantity", "range"),
            PriceError::Negative => ("unit_price", "negative"),
            PriceError::Overflow => ("quantity", "too_large"),
            PriceError::OtherCurrency => ("unit_price", "currency_mismatch"),
        };
        ApiError::field(&field(name), code, e.to_string())
    })?;
    Ok((part, priced))
}
