//! Money: an amount in a currency's minor units (đồng, rials, fen, cents), so sums
//! are exact integers. People and the API write decimal amounts ("350000",
//! "12.50"); this is where the two meet.
use rust_decimal::Decimal;

/// How many decimal places a currency has (ISO 4217). Most have 2.
pub fn minor_digits(currency: &str) -> u32 {
    match currency {
        // No minor unit in use.
        "VND" | "JPY" | "KRW" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "XPF" | "RWF" | "KMF" | "GNF"
        | "DJF" | "BIF" | "VUV" => 0,
        // Three decimal places.
        "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
        _ => 2,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("has more decimal places than {currency} has ({digits})")]
    TooPrecise { currency: String, digits: u32 },
    #[error("is too large")]
    TooLarge,
    #[error("must not be negative")]
    Negative,
}

/// A decimal amount in minor units: `12.50 USD` → 1250, `350000 VND` → 350000.
/// Refuses amounts finer than the currency allows rather than rounding money away.
pub fn to_minor(amount: Decimal, currency: &str) -> Result<i64, MoneyError> {
    if amount.is_sign_negative() && !amount.is_zero() {
        return Err(MoneyError::Negative);
    }
    let digits = minor_digits(currency);
    let normalized = amount.normalize();
    if normalized.scale() > digits {
        return Err(MoneyError::TooPrecise { currency: currency.to_owned(), digits });
    }
    let factor = Decimal::from(10_i64.pow(digits));
    let minor = normalized.checked_mul(factor).ok_or(MoneyError::TooLarge)?;
    i64::try_from(minor.trunc()).map_err(|_| MoneyError::TooLarge)
}

/// Minor units back to a decimal with the currency's places: 1250 USD → `12.50`.
pub fn from_minor(minor: i64, currency: &str) -> Decimal {
    Decimal::new(minor, minor_digits(currency))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    #[test]
    fn amounts_become_minor_units() {
        assert_eq!(to_minor(dec("350000"), "VND"), Ok(350_000));
        assert_eq!(to_minor(dec("12.5"), "USD"), Ok(1250));
        assert_eq!(to_minor(dec("12.500"), "USD"), Ok(1250));
        assert_eq!(to_minor(dec("1.234"), "KWD"), Ok(1234));
    }

    #[test]
    fn fractions_a_currency_does_not_have_are_refused() {
        assert_eq!(to_minor(dec("1000.5"), "VND"), Err(MoneyError::TooPrecise { currency: "VND".into(), digits: 0 }));
        assert_eq!(to_minor(dec("0.001"), "USD"), Err(MoneyError::TooPrecise { currency: "USD".into(), digits: 2 }));
        assert_eq!(to_minor(dec("-1"), "USD"), Err(MoneyError::Negative));
    }

    #[test]
    fn minor_units_print_with_the_currency_places() {
        assert_eq!(from_minor(1250, "USD").to_string(), "12.50");
        assert_eq!(from_minor(350_000, "VND").to_string(), "350000");
    }

    proptest! {
        #[test]
        fn minor_units_round_trip(minor in 0_i64..1_000_000_000_000, c in prop::sample::select(vec!["VND", "USD", "IRR", "CNY", "KWD"])) {
            prop_assert_eq!(to_minor(from_minor(minor, c), c), Ok(minor));
        }
    }
}
