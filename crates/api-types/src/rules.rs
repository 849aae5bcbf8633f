//! Field rules shared by several request types (used through `#[validate(custom)]`).
use std::borrow::Cow;

use validator::ValidationError;

fn fail(code: &'static str, message: &'static str) -> ValidationError {
    ValidationError::new(code).with_message(Cow::Borrowed(message))
}

pub fn not_blank(value: &str) -> Result<(), ValidationError> {
    if value.trim().is_empty() {
        return Err(fail("blank", "must not be blank"));
    }
    Ok(())
}

pub fn username(value: &str) -> Result<(), ValidationError> {
    let ok = value.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    if !ok {
        return Err(fail("format", "only lower-case letters, digits, '.', '_' and '-'"));
    }
    Ok(())
}

pub fn phone(value: &str) -> Result<(), ValidationError> {
    let digits = value.strip_prefix('+').unwrap_or(value);
    let ok = (3..=32).contains(&value.len())
        && digits.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '(' | ')' | '-'));
    if !ok {
        return Err(fail("format", "3 to 32 characters: digits, spaces, '(', ')', '-', an optional leading '+'"));
    }
    Ok(())
}

/// Upper-case letters, digits and `-`: the short codes humans see in numbers.
pub fn code(value: &str) -> Result<(), ValidationError> {
    if !value.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-') {
        return Err(fail("format", "only upper-case letters, digits and '-'"));
    }
    Ok(())
}

/// Lower-case letters, digits and `_`: machine keys such as skill codes.
pub fn key(value: &str) -> Result<(), ValidationError> {
    if !value.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
        return Err(fail("format", "only lower-case letters, digits and '_'"));
    }
    Ok(())
}

/// An ISO 3166-1 alpha-2 country code's shape (whether it is assigned is checked by the server).
pub fn country(value: &str) -> Result<(), ValidationError> {
    if value.len() != 2 || !value.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(fail("format", "two upper-case letters, an ISO 3166-1 alpha-2 code such as VN"));
    }
    Ok(())
}

/// A manufacturer's SKU as typed: letters, digits, `.`, `_`, `/`, `+` and `-`, with
/// spaces around it allowed. The server trims and upper-cases it.
pub fn sku(value: &str) -> Result<(), ValidationError> {
    let core = value.trim_matches(' ');
    let ok =
        !core.is_empty() && core.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '/' | '+' | '-'));
    if !ok {
        return Err(fail("format", "letters, digits, '.', '_', '/', '+' and '-' (spaces around it are trimmed)"));
    }
    Ok(())
}

pub fn phone_number(value: &str) -> Result<(), ValidationError> {
    let is_digit = |c: char| matches!(c, '0'..='9' | '۰'..='۹' | '٠'..='٩' | '０'..='９');
    let body = value.trim_start().strip_prefix('+').unwrap_or(value);
    // Direction marks and zero-width characters come along when a number is
    // copied from right-to-left text; they are ignored.
    let invisible = |c: char| matches!(c, '\u{200B}'..='\u{200F}' | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}');
    let shape_ok =
        body.chars().all(|c| is_digit(c) || c.is_whitespace() || invisible(c) || matches!(c, '-' | '.' | '(' | ')'));
    let digits = body.chars().filter(|c| is_digit(*c)).count();
    if !shape_ok || !(5..=20).contains(&digits) {
        return Err(fail(
            "format",
            "5 to 20 digits, with spaces, '-', '.', '(', ')' and an optional leading '+' allowed",
        ));
    }
    Ok(())
}

pub fn tax_id(value: &str) -> Result<(), ValidationError> {
    let ok = value.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '.' | '/'));
    if !ok || value.trim().is_empty() {
        return Err(fail("format", "letters, digits, spaces, '-', '.' and '/'"));
    }
    Ok(())
}

/// A code of a code list or the service catalogue as typed: letters, digits and
/// `_`, with spaces around it allowed. The server trims and upper-cases it.
pub fn list_code(value: &str) -> Result<(), ValidationError> {
    let core = value.trim_matches(' ');
    if core.is_empty() || !core.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(fail("format", "letters, digits and '_' (stored upper-case; spaces around it are trimmed)"));
    }
    Ok(())
}

/// A decimal amount of money as text: digits with at most three decimals, e.g.
/// `350000` or `12.50` (whether the currency has that many places is checked by the server).
pub fn amount(value: &str) -> Result<(), ValidationError> {
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    let (whole, fraction_ok) = match value.split_once('.') {
        None => (value, true),
        Some((whole, fraction)) => (whole, (1..=3).contains(&fraction.len()) && digits(fraction)),
    };
    if !(1..=15).contains(&whole.len()) || !digits(whole) || !fraction_ok {
        return Err(fail("format", "a decimal amount such as 350000 or 12.50 (up to 15 digits and 3 decimals)"));
    }
    Ok(())
}

/// An ISO 4217 code's shape (whether it is in circulation is checked by the server).
pub fn currency(value: &str) -> Result<(), ValidationError> {
    if value.len() != 3 || !value.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(fail("format", "three upper-case letters, an ISO 4217 code such as VND"));
    }
    Ok(())
}
