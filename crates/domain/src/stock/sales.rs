//! Counter sales of parts: what each line costs the customer, in exact minor units.
//!
//! A line is sold at the part's list price unless the seller gives another unit
//! price or a discount; either is a deviation from the list and must carry a
//! reason, whoever sells (everyone who may move stock may also change prices in the
//! catalogue, so a permission would guard nothing; the reason leaves a trace on the
//! line and in the audit log instead).
use crate::money::Money;

/// One line as asked for; every amount in the list price's currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineRequest {
    pub quantity: i64,
    /// The part's selling price from the catalogue.
    pub list_price: Money,
    /// Another unit price, if the seller gives one.
    pub unit_price: Option<Money>,
    /// Taken off the line's amount (quantity × unit price).
    pub discount: Money,
    /// Whether the seller said why the price differs from the list.
    pub has_reason: bool,
}

/// A line priced: what the customer pays for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PricedLine {
    pub unit_price: Money,
    pub discount: Money,
    /// quantity × unit price − discount, never negative.
    pub line_total: Money,
    /// Sold at another price than the list, or with a discount.
    pub deviates: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PriceError {
    #[error("the quantity must be positive")]
    NotPositive,
    #[error("amounts must not be negative")]
    Negative,
    #[error("the discount ({discount}) is more than the line's amount ({gross})")]
    DiscountTooLarge { discount: i64, gross: i64 },
    #[error("a price other than the list price, or a discount, needs a reason")]
    ReasonRequired,
    #[error("the numbers are too large")]
    Overflow,
    #[error("the price and the discount must be in the list price's currency")]
    OtherCurrency,
}

/// Prices one line.
pub fn price_line(line: LineRequest) -> Result<PricedLine, PriceError> {
    if line.quantity <= 0 {
        return Err(PriceError::NotPositive);
    }
    let currency = line.list_price.currency();
    let unit = line.unit_price.unwrap_or(line.list_price);
    if unit.currency() != currency || line.discount.currency() != currency {
        return Err(PriceError::OtherCurrency);
    }
    let (unit_minor, discount) = (unit.minor(), line.discount.minor());
    if unit_minor < 0 || discount < 0 {
        return Err(PriceError::Negative);
    }
    let gross = line.quantity.checked_mul(unit_minor).ok_or(PriceError::Overflow)?;
    if discount > gross {
        return Err(PriceError::DiscountTooLarge { discount, gross });
    }
    let deviates = unit != line.list_price || discount > 0;
    if deviates && !line.has_reason {
        return Err(PriceError::ReasonRequired);
    }
    Ok(PricedLine {
        unit_price: unit,
        discount: line.discount,
        line_total: Money::new(gross - discount, currency),
        deviates,
    })
}

/// The sale's total: the sum of its lines, exactly, in the lines' one currency.
pub fn total(first: Money, rest: impl IntoIterator<Item = Money>) -> Result<Money, PriceError> {
    rest.into_iter().try_fold(first, |sum, t| {
        sum.checked_add(t).map_err(|e| match e {
            crate::money::MoneyError::OtherCurrency { .. } => PriceError::OtherCurrency,
            _ => PriceError::Overflow,
        })
    })
}

/// What a line earned over what the units cost the warehouse (may be negative).
pub fn margin(line_total: Money, cost: Money) -> Money {
    Money::new(line_total.minor().saturating_sub(cost.minor()), line_total.currency())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;
    use proptest::prelude::*;

    fn vnd(minor: i64) -> Money {
        Money::new(minor, Currency::parse("VND").unwrap_or_else(|| panic!("VND")))
    }

    fn line(quantity: i64, list: i64) -> LineRequest {
        LineRequest { quantity, list_price: vnd(list), unit_price: None, discount: vnd(0), has_reason: false }
    }

    #[test]
    fn a_line_sells_at_the_list_price_by_default() {
        let priced = price_line(line(3, 1_800_000)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            priced,
            PricedLine { unit_price: vnd(1_800_000), discount: vnd(0), line_total: vnd(5_400_000), deviates: false }
        );
    }

    #[test]
    fn another_price_or_a_discount_needs_a_reason() {
        let cheaper = LineRequest { unit_price: Some(vnd(1_700_000)), ..line(1, 1_800_000) };
        assert_eq!(price_line(cheaper), Err(PriceError::ReasonRequired));
        let discounted = LineRequest { discount: vnd(1), ..line(1, 1_800_000) };
        assert_eq!(price_line(discounted), Err(PriceError::ReasonRequired));
        let explained = LineRequest { has_reason: true, ..cheaper };
        assert_eq!(price_line(explained).map(|p| (p.line_total, p.deviates)), Ok((vnd(1_700_000), true)));
        // The list price given explicitly is no deviation.
        let same = LineRequest { unit_price: Some(vnd(1_800_000)), ..line(2, 1_800_000) };
        assert_eq!(price_line(same).map(|p| p.deviates), Ok(false));
    }

    #[test]
    fn a_discount_never_makes_a_line_negative() {
        let too_much = LineRequest { discount: vnd(301), has_reason: true, ..line(3, 100) };
        assert_eq!(price_line(too_much), Err(PriceError::DiscountTooLarge { discount: 301, gross: 300 }));
        let all = LineRequest { discount: vnd(300), has_reason: true, ..line(3, 100) };
        assert_eq!(price_line(all).map(|p| p.line_total), Ok(vnd(0)));
    }

    #[test]
    fn a_price_in_another_currency_is_refused() {
        let cny = Money::new(100, Currency::parse("CNY").unwrap_or_else(|| panic!("CNY")));
        let other = LineRequest { unit_price: Some(cny), has_reason: true, ..line(1, 100) };
        assert_eq!(price_line(other), Err(PriceError::OtherCurrency));
        assert_eq!(total(vnd(1), [cny]), Err(PriceError::OtherCurrency));
    }

    #[test]
    fn huge_numbers_are_refused_not_wrapped() {
        assert_eq!(price_line(line(i64::MAX, 2)), Err(PriceError::Overflow));
        assert_eq!(total(vnd(i64::MAX), [vnd(1)]), Err(PriceError::Overflow));
        assert_eq!(price_line(line(0, 2)), Err(PriceError::NotPositive));
    }

    #[test]
    fn the_margin_is_what_the_sale_made_over_cost() {
        assert_eq!(margin(vnd(1_800_000), vnd(1_250_000)), vnd(550_000));
    }

    proptest! {
        #[test]
        fn totals_are_exact_sums_of_quantity_times_price_less_discount(
            lines in prop::collection::vec((1_i64..10_000, 0_i64..100_000_000, 0_i64..1_000_000), 1..20)
        ) {
            let mut expected: i128 = 0;
            let mut totals = Vec::new();
            for (quantity, unit, discount) in lines {
                let request = LineRequest { quantity, list_price: vnd(unit), unit_price: None, discount: vnd(discount), has_reason: true };
                let gross = i128::from(quantity) * i128::from(unit);
                match price_line(request) {
                    Ok(p) => {
                        prop_assert_eq!(i128::from(p.line_total.minor()), gross - i128::from(discount));
                        prop_assert!(p.line_total.minor() >= 0);
                        expected += i128::from(p.line_total.minor());
                        totals.push(p.line_total);
                    }
                    Err(PriceError::DiscountTooLarge { .. }) => prop_assert!(i128::from(discount) > gross),
                    Err(other) => prop_assert!(false, "unexpected {other}"),
                }
            }
            prop_assert_eq!(total(vnd(0), totals).map(|t| i128::from(t.minor())), Ok(expected));
        }
    }
}
