//! Money as stored: minor units in an integer column beside an ISO currency code.
use aftersales_domain::money::{Currency, Money};

use crate::StoreError;

/// A stored currency code; one this code does not know is corrupt data.
pub(crate) fn currency(code: &str) -> Result<Currency, StoreError> {
    Currency::parse(code).ok_or_else(|| StoreError::Corrupt(format!("currency `{code}`")))
}

/// A stored amount and its currency code.
pub(crate) fn money(minor: i64, code: &str) -> Result<Money, StoreError> {
    Ok(Money::new(minor, currency(code)?))
}
