//! Money: an amount in a currency's minor units (đồng, rials, fen, cents), so sums
//! are exact integers. People and the API write decimal amounts ("350000",
//! "12.50"); this is where the two meet.
//!
//! [`Money`] is one price or amount as stored (`i64` minor units). [`Total`] is an
//! exact sum or product of them (`i128`, so quantity × price never overflows), and
//! [`Totals`] keeps sums of several currencies apart instead of adding đồng to yuan.
use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;

use crate::regional::is_currency;

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

/// An ISO 4217 currency in circulation ("VND", "IRR", "CNY"). Only [`Currency::parse`]
/// makes one, so holding a `Currency` means the code is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency([u8; 3]);

impl Currency {
    pub fn parse(code: &str) -> Option<Currency> {
        if !is_currency(code) {
            return None;
        }
        let bytes = code.as_bytes();
        Some(Currency([bytes[0], bytes[1], bytes[2]]))
    }

    pub fn code(&self) -> &str {
        // Built only from a code `is_currency` accepted: three ASCII capitals.
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }

    pub fn minor_digits(self) -> u32 {
        minor_digits(self.code())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("has more decimal places than {currency} has ({digits})")]
    TooPrecise { currency: Currency, digits: u32 },
    #[error("is too large")]
    TooLarge,
    #[error("must not be negative")]
    Negative,
    #[error("is in {found}, not in {expected}")]
    OtherCurrency { expected: Currency, found: Currency },
}

/// One amount of one currency, in minor units: a price, a cost, a discount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Money {
    minor: i64,
    currency: Currency,
}

impl Money {
    pub const fn new(minor: i64, currency: Currency) -> Money {
        Money { minor, currency }
    }

    pub const fn zero(currency: Currency) -> Money {
        Money { minor: 0, currency }
    }

    /// A decimal amount as people write it: `12.50 USD` → 1250, `350000 VND` → 350000.
    /// Refuses amounts finer than the currency allows rather than rounding money
    /// away, and negative ones (no price, cost or discount is below zero).
    pub fn from_decimal(amount: Decimal, currency: Currency) -> Result<Money, MoneyError> {
        if amount.is_sign_negative() && !amount.is_zero() {
            return Err(MoneyError::Negative);
        }
        let digits = currency.minor_digits();
        let normalized = amount.normalize();
        if normalized.scale() > digits {
            return Err(MoneyError::TooPrecise { currency, digits });
        }
        let factor = Decimal::from(10_i64.pow(digits));
        let minor = normalized.checked_mul(factor).ok_or(MoneyError::TooLarge)?;
        let minor = i64::try_from(minor.trunc()).map_err(|_| MoneyError::TooLarge)?;
        Ok(Money { minor, currency })
    }

    pub const fn minor(self) -> i64 {
        self.minor
    }

    pub const fn currency(self) -> Currency {
        self.currency
    }

    /// The amount with the currency's places: 1250 USD → `12.50`.
    pub fn amount(self) -> Decimal {
        Decimal::new(self.minor, self.currency.minor_digits())
    }

    pub const fn is_zero(self) -> bool {
        self.minor == 0
    }

    /// `quantity` of this, exactly.
    pub fn times(self, quantity: i64) -> Total {
        Total { minor: i128::from(self.minor) * i128::from(quantity), currency: self.currency }
    }

    /// The same amount, refused when it is not in `expected`.
    pub fn in_currency(self, expected: Currency) -> Result<Money, MoneyError> {
        if self.currency == expected {
            Ok(self)
        } else {
            Err(MoneyError::OtherCurrency { expected, found: self.currency })
        }
    }

    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        let other = other.in_currency(self.currency)?;
        Ok(Money { minor: self.minor.checked_add(other.minor).ok_or(MoneyError::TooLarge)?, ..self })
    }

    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        let other = other.in_currency(self.currency)?;
        Ok(Money { minor: self.minor.checked_sub(other.minor).ok_or(MoneyError::TooLarge)?, ..self })
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount(), self.currency)
    }
}

/// An exact sum or product of amounts of one currency, too large for a price
/// perhaps but never rounded or wrapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Total {
    minor: i128,
    currency: Currency,
}

impl Total {
    pub const fn zero(currency: Currency) -> Total {
        Total { minor: 0, currency }
    }

    pub const fn minor(self) -> i128 {
        self.minor
    }

    pub const fn currency(self) -> Currency {
        self.currency
    }

    /// The amount with the currency's places; `None` beyond what a decimal holds
    /// (about 7.9 × 10²⁸ minor units).
    pub fn amount(self) -> Option<Decimal> {
        Decimal::try_from_i128_with_scale(self.minor, self.currency.minor_digits()).ok()
    }
}

/// Sums kept per currency: a ticket's lines may be priced in more than one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals(BTreeMap<Currency, i128>);

impl Totals {
    pub fn add(&mut self, total: Total) {
        *self.0.entry(total.currency).or_default() += total.minor;
    }

    /// Every currency added to, by code, even where the sum is zero.
    pub fn each(&self) -> Vec<Total> {
        self.0.iter().map(|(&currency, &minor)| Total { minor, currency }).collect()
    }

    /// The sums that are not zero, by currency code.
    pub fn non_zero(&self) -> Vec<Total> {
        self.0.iter().filter(|(_, minor)| **minor != 0).map(|(&currency, &minor)| Total { minor, currency }).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    fn cur(code: &str) -> Currency {
        Currency::parse(code).unwrap_or_else(|| panic!("{code} is a currency"))
    }

    fn minor(amount: &str, code: &str) -> Result<i64, MoneyError> {
        Money::from_decimal(dec(amount), cur(code)).map(Money::minor)
    }

    #[test]
    fn only_codes_in_circulation_are_currencies() {
        assert_eq!(cur("VND").code(), "VND");
        assert_eq!(cur("IRR").to_string(), "IRR");
        for bad in ["XYZ", "vnd", "VN", "VNDD", ""] {
            assert_eq!(Currency::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn amounts_become_minor_units() {
        assert_eq!(minor("350000", "VND"), Ok(350_000));
        assert_eq!(minor("12.5", "USD"), Ok(1250));
        assert_eq!(minor("12.500", "USD"), Ok(1250));
        assert_eq!(minor("1.234", "KWD"), Ok(1234));
    }

    #[test]
    fn fractions_a_currency_does_not_have_are_refused() {
        assert_eq!(minor("1000.5", "VND"), Err(MoneyError::TooPrecise { currency: cur("VND"), digits: 0 }));
        assert_eq!(minor("0.001", "USD"), Err(MoneyError::TooPrecise { currency: cur("USD"), digits: 2 }));
        assert_eq!(minor("-1", "USD"), Err(MoneyError::Negative));
        assert_eq!(minor("99999999999999999999", "VND"), Err(MoneyError::TooLarge));
    }

    #[test]
    fn minor_units_print_with_the_currency_places() {
        assert_eq!(Money::new(1250, cur("USD")).amount().to_string(), "12.50");
        assert_eq!(Money::new(350_000, cur("VND")).to_string(), "350000 VND");
    }

    #[test]
    fn amounts_of_different_currencies_do_not_add() {
        let (vnd, cny) = (Money::new(100, cur("VND")), Money::new(100, cur("CNY")));
        assert_eq!(vnd.checked_add(vnd), Ok(Money::new(200, cur("VND"))));
        assert_eq!(vnd.checked_add(cny), Err(MoneyError::OtherCurrency { expected: cur("VND"), found: cur("CNY") }));
        assert_eq!(Money::new(i64::MAX, cur("VND")).checked_add(vnd), Err(MoneyError::TooLarge));
    }

    #[test]
    fn totals_are_kept_per_currency_and_never_wrap() {
        let mut totals = Totals::default();
        totals.add(Money::new(i64::MAX, cur("VND")).times(3));
        totals.add(Money::new(150, cur("CNY")).times(2));
        totals.add(Money::new(0, cur("USD")).times(5));
        let sums: Vec<(String, i128)> =
            totals.non_zero().iter().map(|t| (t.currency().to_string(), t.minor())).collect();
        assert_eq!(sums, [("CNY".to_owned(), 300), ("VND".to_owned(), 3 * i128::from(i64::MAX))]);
        assert_eq!(Money::new(1250, cur("USD")).times(3).amount().map(|a| a.to_string()), Some("37.50".into()));
    }

    proptest! {
        #[test]
        fn minor_units_round_trip(minor in 0_i64..1_000_000_000_000, c in prop::sample::select(vec!["VND", "USD", "IRR", "CNY", "KWD"])) {
            let currency = cur(c);
            prop_assert_eq!(Money::from_decimal(Money::new(minor, currency).amount(), currency), Ok(Money::new(minor, currency)));
        }

        #[test]
        fn a_total_is_the_exact_product(minor in -1_000_000_000_000_i64..1_000_000_000_000, quantity in -10_000_i64..10_000) {
            let total = Money::new(minor, cur("VND")).times(quantity);
            prop_assert_eq!(total.minor(), i128::from(minor) * i128::from(quantity));
        }
    }
}
