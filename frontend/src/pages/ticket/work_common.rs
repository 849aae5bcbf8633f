//! What the work sections share: names in the reader's language, problems found
//! before sending, and whole numbers typed in any script.

use aftersales_api_types::fault_codes::Names;

use crate::i18n::Locale;
use crate::i18n::number::latin_digits;

/// A catalogue name in the reader's language, else English.
pub fn name_in(locale: Locale, names: &Names) -> String {
    let own = match locale {
        Locale::En => None,
        Locale::Vi => names.vi.as_ref(),
        Locale::Fa => names.fa.as_ref(),
        Locale::Zh => names.zh.as_ref(),
    };
    own.unwrap_or(&names.en).clone()
}

/// A whole number from `min` to `max` typed with Latin, Persian or Arabic digits;
/// `Ok(None)` when left empty.
pub fn whole_number(text: &str, min: i32, max: i32) -> Result<Option<i32>, ()> {
    let text = latin_digits(text.trim());
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<i32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
        _ => Err(()),
    }
}
