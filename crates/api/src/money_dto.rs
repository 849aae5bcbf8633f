//! Money between wire and storage: a decimal amount with its ISO currency on the
//! wire, minor units in the database (see `aftersales_domain::money`).
use std::str::FromStr;

use aftersales_api_types::service_items::Money;
use aftersales_domain::money::{MoneyError, from_minor, to_minor};
use aftersales_domain::regional::is_currency;
use rust_decimal::Decimal;

use crate::error::ApiError;

/// A wire amount in minor units; 422 naming `{field}.currency` or `{field}.amount`.
pub fn money_in(money: &Money, field: &str) -> Result<(i64, String), ApiError> {
    if !is_currency(&money.currency) {
        return Err(ApiError::field(
            &format!("{field}.currency"),
            "unknown_currency",
            "is not an ISO 4217 currency in circulation",
        ));
    }
    let amount_field = format!("{field}.amount");
    let amount = Decimal::from_str(&money.amount)
        .map_err(|_| ApiError::field(&amount_field, "format", "is not a decimal amount"))?;
    let minor = to_minor(amount, &money.currency).map_err(|e| {
        let code = match e {
            MoneyError::TooPrecise { .. } => "too_precise",
            MoneyError::TooLarge => "too_large",
            MoneyError::Negative => "negative",
        };
        ApiError::field(&amount_field, code, e.to_string())
    })?;
    Ok((minor, money.currency.clone()))
}

pub fn money_out(minor: i64, currency: &str) -> Money {
    Money { amount: from_minor(minor, currency).to_string(), currency: currency.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(amount: &str, currency: &str) -> Money {
        Money { amount: amount.into(), currency: currency.into() }
    }

    fn field_of(err: ApiError) -> Vec<(String, String)> {
        match err {
            ApiError::Validation(list) => list.into_iter().map(|e| (e.field, e.code)).collect(),
            other => panic!("not a field error: {other}"),
        }
    }

    #[test]
    fn prices_in_are_exact_or_refused_naming_the_field() {
        assert_eq!(money_in(&money("12.5", "USD"), "price").ok(), Some((1250, "USD".into())));
        assert_eq!(money_in(&money("350000", "VND"), "price").ok(), Some((350_000, "VND".into())));
        let refused = |m: Money| money_in(&m, "price").err().map(field_of).unwrap_or_default();
        assert_eq!(refused(money("0.5", "VND")), [("price.amount".to_owned(), "too_precise".to_owned())]);
        assert_eq!(refused(money("1", "ABC")), [("price.currency".to_owned(), "unknown_currency".to_owned())]);
    }
}
