//! Search keys that find a name however it was typed.
//!
//! Clerks in Vietnam type names with or without diacritics ("Nguyễn" / "Nguyen");
//! in Iran the same name arrives with Arabic or Persian letter forms (علي / علی),
//! with or without short vowels, and with Persian, Arabic-Indic or ASCII digits.
//! [`fold`] maps all of these to one form, stored next to the record and applied
//! to the search text, so a plain substring match finds them. Chinese needs no
//! folding and is left as it is.
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The folded form of `text`, for search keys: lower case, no diacritics,
/// one spelling of each Persian/Arabic letter, ASCII digits, single spaces.
pub fn fold(text: &str) -> String {
    let lowered = text.to_lowercase();
    let mut folded = String::with_capacity(lowered.len());
    // NFD splits "ễ" into "e" + marks and "أ" into "ا" + hamza; dropping the
    // marks then removes diacritics, hamza seats and harakat alike.
    for c in lowered.nfd() {
        if is_combining_mark(c) || is_invisible(c) {
            continue;
        }
        folded.push(fold_char(c));
    }
    // Only Hangul can compose here (every mark is gone): keep it one char per syllable.
    folded.split_whitespace().collect::<Vec<_>>().join(" ").nfc().collect()
}

/// The comparable form of a phone number: ASCII digits with a leading `+` when the
/// number is international (`00` counts as `+`). Spaces, dashes, dots and
/// parentheses are ignored; any other character, fewer than 5 digits or more
/// than 20 make it no phone number (`None`).
pub fn normalize_phone(raw: &str) -> Option<String> {
    let mut digits = String::with_capacity(raw.len());
    let mut plus = false;
    for c in raw.chars() {
        if let Some(d) = ascii_digit(c) {
            digits.push(d);
        } else if c == '+' && digits.is_empty() && !plus {
            plus = true;
        } else if !(c.is_whitespace() || is_invisible(c) || matches!(c, '-' | '.' | '(' | ')')) {
            return None;
        }
    }
    if !plus && let Some(rest) = digits.strip_prefix("00") {
        digits = rest.to_owned();
        plus = true;
    }
    if !(MIN_PHONE_DIGITS..=MAX_PHONE_DIGITS).contains(&digits.len()) {
        return None;
    }
    Some(if plus { format!("+{digits}") } else { digits })
}

/// Fewer digits than this is an extension or a typo, not a number to call back.
pub const MIN_PHONE_DIGITS: usize = 5;
/// E.164 allows 15; a few more leave room for local trunk prefixes.
pub const MAX_PHONE_DIGITS: usize = 20;

fn fold_char(c: char) -> char {
    if let Some(d) = ascii_digit(c) {
        return d;
    }
    match c {
        'đ' => 'd',
        // Arabic yeh, alef maksura and yeh with hamza (its hamza already stripped) → Persian yeh.
        'ي' | 'ى' | 'ئ' => 'ی',
        'ك' => 'ک',
        'ة' => 'ه',
        // The hamza/madda forms decompose to ا + mark; alef wasla does not.
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ؤ' => 'و',
        // Zero-width non-joiner separates the parts of a Persian word: a space to search.
        '\u{200C}' => ' ',
        other => other,
    }
}

/// Characters that change how text looks, never what it says: tatweel (the
/// Arabic stretching stroke), zero-width joiners and direction marks.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        'ـ' | '\u{200B}' | '\u{200D}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// The ASCII digit for an ASCII, Persian (۰-۹), Arabic-Indic (٠-٩) or full-width (０-９) digit.
fn ascii_digit(c: char) -> Option<char> {
    let value = match c {
        '0'..='9' => c as u32 - '0' as u32,
        '۰'..='۹' => c as u32 - '۰' as u32,
        '٠'..='٩' => c as u32 - '٠' as u32,
        '０'..='９' => c as u32 - '０' as u32,
        _ => return None,
    };
    char::from_digit(value, 10)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn vietnamese_diacritics_and_d_with_stroke_fold_away() {
        assert_eq!(fold("Nguyễn Văn Đức"), "nguyen van duc");
        assert_eq!(fold("Trần Thị Mai"), "tran thi mai");
        assert_eq!(fold("ĐỖ MINH TUẤN"), "do minh tuan");
    }

    #[test]
    fn arabic_and_persian_spellings_of_a_name_fold_equal() {
        assert_eq!(fold("علي"), fold("علی"));
        assert_eq!(fold("كريم"), fold("کریم"));
        assert_eq!(fold("فاطمة"), fold("فاطمه"));
        assert_eq!(fold("أحمد"), fold("احمد"));
        assert_eq!(fold("إيران"), fold("ایران"));
        assert_eq!(fold("آرش"), fold("ارش"));
        assert_eq!(fold("مؤمن"), fold("مومن"));
        assert_eq!(fold("هيئت"), fold("هیئت"));
        assert_eq!(fold("ئ"), "ی");
    }

    #[test]
    fn harakat_tatweel_and_zero_width_non_joiner_are_not_searched() {
        assert_eq!(fold("مُحَمَّد"), "محمد");
        assert_eq!(fold("محـــمد"), "محمد");
        assert_eq!(fold("می\u{200C}خواهم"), "می خواهم");
        assert_eq!(fold("\u{200F}مریم\u{200E}"), "مریم");
    }

    #[test]
    fn persian_and_arabic_indic_digits_become_ascii() {
        assert_eq!(fold("۰۹۱۲ ۳۴۵ ۶۷۸۹"), "0912 345 6789");
        assert_eq!(fold("٠١٢٣٤٥٦٧٨٩"), "0123456789");
    }

    #[test]
    fn chinese_is_left_as_it_is_and_whitespace_collapses() {
        assert_eq!(fold("  王  小明\t(上海) "), "王 小明 (上海)");
    }

    #[test]
    fn phone_numbers_in_any_format_normalize_to_one_form() {
        assert_eq!(normalize_phone("۰۹۱۲ ۳۴۵ ۶۷۸۹").as_deref(), Some("09123456789"));
        assert_eq!(normalize_phone("+84 912-345-678").as_deref(), Some("+84912345678"));
        assert_eq!(normalize_phone("0084912345678").as_deref(), Some("+84912345678"));
        assert_eq!(normalize_phone("(021) 8888.1234").as_deref(), Some("02188881234"));
        assert_eq!(normalize_phone("+٩٨ ٢١ ١٢٣٤٥٦٧").as_deref(), Some("+98211234567"));
    }

    #[test]
    fn what_is_not_a_phone_number_is_none() {
        assert_eq!(normalize_phone("1234"), None);
        assert_eq!(normalize_phone("call 0912345678"), None);
        assert_eq!(normalize_phone("0912+345678"), None);
        assert_eq!(normalize_phone("++84912345678"), None);
        assert_eq!(normalize_phone(""), None);
        assert_eq!(normalize_phone(&"1".repeat(21)), None);
    }

    fn non_space_count(s: &str) -> usize {
        s.chars().filter(|c| !c.is_whitespace()).count()
    }

    proptest! {
        #[test]
        fn folding_twice_is_folding_once(s in any::<String>()) {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once);
        }

        #[test]
        fn folding_never_adds_characters(s in any::<String>()) {
            prop_assert!(non_space_count(&fold(&s)) <= non_space_count(&s));
        }

        #[test]
        fn a_folded_key_has_single_inner_spaces_only(s in any::<String>()) {
            let folded = fold(&s);
            prop_assert!(!folded.starts_with(' ') && !folded.ends_with(' ') && !folded.contains("  "));
            prop_assert!(folded.chars().all(|c| c == ' ' || !c.is_whitespace()));
        }

        #[test]
        fn vietnamese_text_folds_to_plain_ascii_whatever_its_case(s in "[a-zA-ZàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđĐ ]{0,30}") {
            let folded = fold(&s);
            prop_assert!(folded.chars().all(|c| c == ' ' || c.is_ascii_lowercase()), "{}", folded);
            prop_assert_eq!(fold(&s.to_uppercase()), folded);
        }

        #[test]
        fn a_normalized_phone_is_digits_with_an_optional_plus(s in any::<String>()) {
            if let Some(p) = normalize_phone(&s) {
                let digits = p.strip_prefix('+').unwrap_or(&p);
                prop_assert!((MIN_PHONE_DIGITS..=MAX_PHONE_DIGITS).contains(&digits.len()));
                prop_assert!(digits.chars().all(|c| c.is_ascii_digit()));
                prop_assert_eq!(normalize_phone(&p), Some(p.clone()));
            }
        }

        #[test]
        fn separators_do_not_change_a_phone_number(
            digits in "[0-9]{5,15}",
            cuts in proptest::collection::vec((0usize..15, prop::sample::select(vec![" ", "-", ".", "(", ")"])), 0..5),
        ) {
            let mut formatted = digits.clone();
            for (at, sep) in cuts {
                let at = at.min(formatted.len());
                formatted.insert_str(at, sep);
            }
            prop_assert_eq!(normalize_phone(&formatted), normalize_phone(&digits));
        }
    }
}
