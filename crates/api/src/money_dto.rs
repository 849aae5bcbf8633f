//! Money between the wire and the domain: a decimal amount with its ISO currency
//! on the wire, [`Money`] (minor units) inside (see `aftersales_domain::money`).
use std::str::FromStr;

use aftersales_api_types::service_items::Money as WireMoney;
use aftersales_domain::money::{Currency, Money, MoneyError, Total};
use rust_decimal::Decimal;

use crate::error::ApiError;

/// A currency code from the wire; 422 naming `field` when it is not one in circulation.
pub fn currency_in(code: &str, field: &str) -> Result<Currency, ApiError> {
    Currency::parse(code)
        .ok_or_else(|| ApiError::field(field, "unknown_currency", "is not an ISO 4217 currency in circulation"))
}

/// A decimal amount written in a known currency; 422 naming `field`.
pub fn amount_in(amount: &str, currency: Currency, field: &str) -> Result<Money, ApiError> {
    let decimal = Decimal::from_str(amount).map_err(|_| ApiError::field(field, "format", "is not a decimal amount"))?;
    Money::from_decimal(decimal, currency).map_err(|e| {
        let code = match e {
            MoneyError::TooPrecise { .. } => "too_precise",
            MoneyError::TooLarge => "too_large",
            MoneyError::Negative => "negative",
            MoneyError::OtherCurrency { .. } => "currency_mismatch",
        };
        ApiError::field(field, code, e.to_string())
    })
}

/// A wire amount; 422 naming `{field}.currency` or `{field}.amount`.
pub fn money_in(money: &WireMoney, field: &str) -> Result<Money, ApiError> {
    let currency = currency_in(&money.currency, &format!("{field}.currency"))?;
    amount_in(&money.amount, currency, &format!("{field}.amount"))
}

pub fn money_out(money: Money) -> WireMoney {
    WireMoney { amount: money.amount().to_string(), currency: money.currency().code().to_owned() }
}

/// An exact sum as wire money; one beyond what a decimal holds is our fault (500).
pub fn total_out(total: Total) -> Result<WireMoney, ApiError> {
    let amount = total.amount().ok_or_else(|| ApiError::Internal(anyhow::anyhow!("a total is out of range")))?;
    Ok(WireMoney { amount: amount.to_string(), currency: total.currency().code().to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(amount: &str, currency: &str) -> WireMoney {
        WireMoney { amount: amount.into(), currency: currency.into() }
    }

    fn field_of(err: ApiError) -> Vec<(String, String)> {
        match err {
            ApiError::Validation(list) => list.into_iter().map(|e| (e.field, e.code)).collect(),
            other => panic!("not a field error: {other}"),
        }
    }

    #[test]
    fn prices_in_are_exact_or_refused_naming_the_field() {
        let read = |m: WireMoney| money_in(&m, "price").ok().map(|m| (m.minor(), m.currency().to_string()));
        assert_eq!(read(money("12.5", "USD")), Some((1250, "USD".into())));
        assert_eq!(read(money("350000", "VND")), Some((350_000, "VND".into())));
        let refused = |m: WireMoney| money_in(&m, "price").err().map(field_of).unwrap_or_default();
        assert_eq!(refused(money("0.5", "VND")), [("price.amount".to_owned(), "too_precise".to_owned())]);
        assert_eq!(refused(money("1", "ABC")), [("price.currency".to_owned(), "unknown_currency".to_owned())]);
    }

    #[test]
    fn money_goes_out_with_the_currency_places() {
        let usd = Currency::parse("USD").unwrap_or_else(|| panic!("USD"));
        assert_eq!(money_out(Money::new(1250, usd)), money("12.50", "USD"));
        assert_eq!(total_out(Money::new(1250, usd).times(3)).ok(), Some(money("37.50", "USD")));
    }
}
