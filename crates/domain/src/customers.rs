//! Customers: the individuals and companies whose goods the network services.

use crate::ids::{BranchId, CustomerId};
use chrono::{DateTime, Utc};

use crate::organisation::Locale;
use crate::text_fold::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CustomerKind {
    Individual,
    Company,
}

impl CustomerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CustomerKind::Individual => "individual",
            CustomerKind::Company => "company",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "individual" => Some(CustomerKind::Individual),
            "company" => Some(CustomerKind::Company),
            _ => None,
        }
    }
}

/// How the customer first came to the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CustomerSource {
    WalkIn,
    Phone,
    Partner,
    Web,
    Ecommerce,
}

impl CustomerSource {
    pub const ALL: [CustomerSource; 5] = [
        CustomerSource::WalkIn,
        CustomerSource::Phone,
        CustomerSource::Partner,
        CustomerSource::Web,
        CustomerSource::Ecommerce,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CustomerSource::WalkIn => "walk_in",
            CustomerSource::Phone => "phone",
            CustomerSource::Partner => "partner",
            CustomerSource::Web => "web",
            CustomerSource::Ecommerce => "ecommerce",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        CustomerSource::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    /// As the customer gave it, for people to read.
    pub number: String,
    /// See [`crate::text_fold::normalize_phone`]; what duplicates are found by.
    pub normalized: String,
    pub label: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    /// Lower-case.
    pub address: String,
    pub label: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    pub label: Option<String>,
    pub line1: String,
    pub line2: Option<String>,
    pub district: Option<String>,
    pub city: Option<String>,
    pub province: Option<String>,
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Customer {
    pub id: CustomerId,
    pub branch_id: BranchId,
    pub kind: CustomerKind,
    pub name: String,
    pub tax_id: Option<String>,
    pub locale: Locale,
    pub source: CustomerSource,
    pub notes: Option<String>,
    pub phones: Vec<Phone>,
    pub emails: Vec<Email>,
    pub addresses: Vec<Address>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

/// The most phones, e-mails and addresses one customer keeps.
pub const MAX_CONTACTS: usize = 5;

/// The text a customer is found by: the folded name and tax id, the e-mails and
/// the phone digits (without `+`, so that a number typed without its country
/// code still matches). Lines are separated by `\n`, which a folded search text
/// never contains, so a match never spans two fields.
pub fn search_key(name: &str, tax_id: Option<&str>, phones: &[Phone], emails: &[Email]) -> String {
    let mut parts = vec![fold(name)];
    parts.extend(tax_id.map(fold));
    parts.extend(emails.iter().map(|e| fold(&e.address)));
    parts.extend(phones.iter().map(|p| phone_digits(&p.normalized).to_owned()));
    parts.join("\n")
}

/// A normalized phone number without its `+`: what a search by number looks for.
pub fn phone_digits(normalized: &str) -> &str {
    normalized.strip_prefix('+').unwrap_or(normalized)
}

/// A phone number's digits, last first: the key by which "the numbers that end with
/// these digits" is a prefix, which an ordinary index answers (see [`ends_with_key`]).
pub fn phone_suffix_key(normalized: &str) -> String {
    normalized.chars().filter(char::is_ascii_digit).rev().collect()
}

/// The keys ([`phone_suffix_key`]) of the numbers that end with `digits` are
/// exactly those in `from..to`: the reversed digits, up to the same followed by
/// `:`, the character after `9`.
pub fn ends_with_key(digits: &str) -> (String, String) {
    let from = phone_suffix_key(digits);
    let to = format!("{from}:");
    (from, to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_number_ends_with_the_digits_exactly_when_its_key_is_in_their_range(
            number in "\\+?[0-9]{5,15}",
            digits in "[0-9]{1,12}",
        ) {
            let key = phone_suffix_key(&number);
            let (from, to) = ends_with_key(&digits);
            let in_range = from.as_str() <= key.as_str() && key.as_str() < to.as_str();
            prop_assert_eq!(in_range, phone_digits(&number).ends_with(&digits));
        }

        #[test]
        fn a_number_is_found_by_its_last_digits(
            start in "\\+?[0-9]{0,8}",
            digits in "[0-9]{1,12}",
        ) {
            let key = phone_suffix_key(&format!("{start}{digits}"));
            let (from, to) = ends_with_key(&digits);
            prop_assert!(from <= key && key < to);
        }
    }

    #[test]
    fn the_suffix_key_is_the_digits_last_first() {
        assert_eq!(phone_suffix_key("+84912345678"), "87654321948");
        assert_eq!(phone_suffix_key("0912345678"), "8765432190");
    }

    fn phone(normalized: &str) -> Phone {
        Phone { number: normalized.into(), normalized: normalized.into(), label: None }
    }

    #[test]
    fn names_round_trip() {
        for k in [CustomerKind::Individual, CustomerKind::Company] {
            assert_eq!(CustomerKind::parse(k.as_str()), Some(k));
        }
        for s in CustomerSource::ALL {
            assert_eq!(CustomerSource::parse(s.as_str()), Some(s));
        }
        assert_eq!(CustomerSource::parse("walk-in"), None);
    }

    #[test]
    fn the_search_key_holds_the_folded_name_the_e_mails_and_the_phone_digits() {
        let email = Email { address: "duc@example.vn".into(), label: None };
        let key = search_key("Nguyễn Văn Đức", Some("0101234567"), &[phone("+84912345678")], &[email]);
        assert_eq!(key, "nguyen van duc\n0101234567\nduc@example.vn\n84912345678");
    }
}
