//! Warranty cards: numbered in batches per brand, printed, and activated when a
//! unit is sold or registered. A card number is the batch prefix, an 8-digit
//! sequence and a Luhn check digit, so a mistyped number is caught at the counter.

/// The Luhn check digit of a string of ASCII digits.
fn luhn_digit(digits: &str) -> u32 {
    let sum: u32 = digits
        .chars()
        .rev()
        .filter_map(|c| c.to_digit(10))
        .enumerate()
        .map(|(i, d)| {
            if i % 2 == 0 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    (10 - sum % 10) % 10
}

/// The card number for `sequence` in a batch with `prefix`.
pub fn card_number(prefix: &str, sequence: u32) -> String {
    let digits = format!("{sequence:08}");
    format!("{prefix}{digits}{}", luhn_digit(&digits))
}

/// Splits a card number typed by a person (any case, spaces and dashes ignored)
/// into prefix and sequence, if its check digit is right.
pub fn parse_card_number(raw: &str) -> Option<(String, u32)> {
    let clean: String = raw.chars().filter(|c| !matches!(c, ' ' | '-')).collect::<String>().to_ascii_uppercase();
    if clean.len() < 10 || !clean.is_ascii() {
        return None;
    }
    let (head, check) = clean.split_at(clean.len() - 1);
    let (prefix, digits) = head.split_at(head.len() - 8);
    let valid_prefix = !prefix.is_empty() && prefix.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    if !valid_prefix || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let sequence: u32 = digits.parse().ok()?;
    (check.parse::<u32>().ok()? == luhn_digit(digits)).then(|| (prefix.to_owned(), sequence))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardStatus {
    Issued,
    Activated,
    Void,
}

impl CardStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CardStatus::Issued => "issued",
            CardStatus::Activated => "activated",
            CardStatus::Void => "void",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [CardStatus::Issued, CardStatus::Activated, CardStatus::Void].into_iter().find(|c| c.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActivationError {
    #[error("the card was already activated")]
    AlreadyActivated,
    #[error("the card was voided")]
    Void,
    #[error("the card belongs to another brand than the unit")]
    OtherBrand,
    #[error("the unit already has warranty card {0}")]
    UnitHasCard(String),
}

/// May a card in `status` for `card_brand` be activated on a unit of `unit_brand`
/// that already carries `unit_card`?
pub fn check_activation(
    status: CardStatus,
    card_brand: uuid::Uuid,
    unit_brand: uuid::Uuid,
    unit_card: Option<&str>,
) -> Result<(), ActivationError> {
    match status {
        CardStatus::Activated => return Err(ActivationError::AlreadyActivated),
        CardStatus::Void => return Err(ActivationError::Void),
        CardStatus::Issued => {}
    }
    if card_brand != unit_brand {
        return Err(ActivationError::OtherBrand);
    }
    if let Some(card) = unit_card {
        return Err(ActivationError::UnitHasCard(card.to_owned()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use uuid::Uuid;

    #[test]
    fn a_number_carries_its_check_digit() {
        assert_eq!(card_number("DK", 1), "DK000000018");
        assert_eq!(parse_card_number("dk-0000-0001-8"), Some(("DK".into(), 1)));
        assert_eq!(parse_card_number("DK000000017"), None, "wrong check digit");
    }

    #[test]
    fn only_an_issued_card_of_the_same_brand_activates_on_a_unit_without_one() {
        let (a, b) = (Uuid::from_u128(1), Uuid::from_u128(2));
        assert_eq!(check_activation(CardStatus::Issued, a, a, None), Ok(()));
        assert_eq!(check_activation(CardStatus::Activated, a, a, None), Err(ActivationError::AlreadyActivated));
        assert_eq!(check_activation(CardStatus::Void, a, a, None), Err(ActivationError::Void));
        assert_eq!(check_activation(CardStatus::Issued, a, b, None), Err(ActivationError::OtherBrand));
        assert!(matches!(
            check_activation(CardStatus::Issued, a, a, Some("DK1")),
            Err(ActivationError::UnitHasCard(_))
        ));
    }

    proptest! {
        /// Every generated number parses back; changing any one digit is caught.
        #[test]
        fn numbers_round_trip_and_single_typos_are_caught(seq in 0u32..100_000_000, pos in 0usize..9, delta in 1u32..10) {
            let n = card_number("HQ", seq);
            prop_assert_eq!(parse_card_number(&n), Some(("HQ".to_owned(), seq)));
            let mut chars: Vec<char> = n.chars().collect();
            let i = 2 + pos;
            let d = chars[i].to_digit(10).unwrap_or(0);
            chars[i] = char::from_digit((d + delta) % 10, 10).unwrap_or('0');
            let typo: String = chars.into_iter().collect();
            prop_assert_eq!(parse_card_number(&typo), None);
        }
    }
}
