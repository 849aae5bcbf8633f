//! Sold units, identified by their manufacturer serial.

use crate::ids::{BrandId, CustomerId, ModelId, SerialId};
use chrono::{DateTime, NaiveDate, Utc};

use crate::text_fold::fold;

/// The key a serial is stored and looked up by: upper-case letters and digits, with
/// the separators people type differently (spaces, `-`, `.`, `/`, `_`) removed and
/// Persian/Arabic digits made ASCII. `None` when nothing usable is left or it is
/// longer than 64 characters.
pub fn normalize_serial(raw: &str) -> Option<String> {
    let folded = fold(raw);
    let mut key = String::with_capacity(folded.len());
    for c in folded.chars() {
        match c {
            ' ' | '-' | '.' | '/' | '_' => {}
            c if c.is_ascii_alphanumeric() => key.push(c.to_ascii_uppercase()),
            _ => return None,
        }
    }
    (!key.is_empty() && key.len() <= 64).then_some(key)
}

/// One sold unit in the serial registry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SerialUnit {
    pub id: SerialId,
    pub brand_id: BrandId,
    pub model_id: ModelId,
    /// As printed on the unit.
    pub serial: String,
    /// [`normalize_serial`] of `serial`; unique per brand.
    pub serial_key: String,
    pub lot: Option<String>,
    pub manufacture_date: Option<NaiveDate>,
    pub sale_date: Option<NaiveDate>,
    /// Invoice or order number of the sale.
    pub sale_document: Option<String>,
    /// Who sold it: a dealer, a shop, an e-commerce merchant.
    pub seller: Option<String>,
    pub delivery_date: Option<NaiveDate>,
    pub installation_date: Option<NaiveDate>,
    pub installation_address: Option<String>,
    /// Registration of the unit or activation of its warranty card.
    pub registration_date: Option<NaiveDate>,
    pub warranty_card_number: Option<String>,
    pub owner_customer_id: Option<CustomerId>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn separators_case_and_persian_digits_do_not_matter() {
        assert_eq!(normalize_serial(" ab-12.34/x_9 "), Some("AB1234X9".into()));
        assert_eq!(normalize_serial("SN ۱۲۳۴"), Some("SN1234".into()));
        assert_eq!(normalize_serial("K3J-00042"), normalize_serial("k3j00042"));
    }

    #[test]
    fn empty_or_foreign_serials_are_refused() {
        assert_eq!(normalize_serial(" - "), None);
        assert_eq!(normalize_serial("SN#1"), None);
        assert_eq!(normalize_serial(&"9".repeat(65)), None);
    }

    proptest! {
        #[test]
        fn normalizing_twice_changes_nothing(raw in "[a-zA-Z0-9 ./_-]{0,40}") {
            if let Some(key) = normalize_serial(&raw) {
                prop_assert_eq!(normalize_serial(&key), Some(key));
            }
        }
    }
}
