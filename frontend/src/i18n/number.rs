//! Numbers and money as each locale writes them: digit shapes, grouping and decimal
//! separators, currency symbols and their places.

use super::locale::Locale;

/// How a locale writes the parts of a number.
struct Symbols {
    group: char,
    decimal: char,
    /// The digits 0 to 9.
    digits: [char; 10],
}

const LATIN: [char; 10] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const PERSIAN: [char; 10] = ['۰', '۱', '۲', '۳', '۴', '۵', '۶', '۷', '۸', '۹'];
const ARABIC_INDIC: [char; 10] = ['٠', '١', '٢', '٣', '٤', '٥', '٦', '٧', '٨', '٩'];

fn symbols(locale: Locale) -> Symbols {
    match locale {
        Locale::En | Locale::Zh => Symbols { group: ',', decimal: '.', digits: LATIN },
        Locale::Vi => Symbols { group: '.', decimal: ',', digits: LATIN },
        // U+066C ARABIC THOUSANDS SEPARATOR, U+066B ARABIC DECIMAL SEPARATOR.
        Locale::Fa => Symbols { group: '٬', decimal: '٫', digits: PERSIAN },
    }
}

/// ASCII digits in `text` written in the locale's digits (Persian `۰-۹` for `fa`).
pub fn localize_digits(locale: Locale, text: &str) -> String {
    let digits = symbols(locale).digits;
    text.chars().map(|c| c.to_digit(10).filter(|_| c.is_ascii_digit()).map_or(c, |d| digits[d as usize])).collect()
}

/// Persian and Arabic-Indic digits in `text` made ASCII, so typed input can be parsed.
pub fn latin_digits(text: &str) -> String {
    text.chars()
        .map(|c| match PERSIAN.iter().chain(ARABIC_INDIC.iter()).position(|d| *d == c) {
            Some(i) => LATIN[i % 10],
            None => c,
        })
        .collect()
}

/// `1234567` → `1,234,567` (`1.234.567` in Vietnamese, `۱٬۲۳۴٬۵۶۷` in Persian).
pub fn format_integer(locale: Locale, n: i64) -> String {
    format_fixed(locale, n, 0)
}

/// `minor / 10^scale` with exactly `scale` decimals: `(123456, 2)` → `1,234.56`.
pub fn format_fixed(locale: Locale, minor: i64, scale: u32) -> String {
    let s = symbols(locale);
    let magnitude = minor.unsigned_abs().to_string();
    let scale = scale as usize;
    let padded = format!("{magnitude:0>width$}", width = scale + 1);
    let (whole, fraction) = padded.split_at(padded.len() - scale);
    let mut out = String::new();
    if minor < 0 {
        out.push('-');
    }
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(s.group);
        }
        out.push(c);
    }
    if !fraction.is_empty() {
        out.push(s.decimal);
        out.push_str(fraction);
    }
    localize_digits(locale, &out)
}

/// Decimal places of a currency's minor units on the wire (ISO 4217): the `*_minor`
/// integers of the API count these. Must equal `crates/domain/src/money.rs` (tested).
pub fn minor_digits(currency: &str) -> u32 {
    match currency {
        "VND" | "JPY" | "KRW" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "XPF" | "RWF" | "KMF" | "GNF"
        | "DJF" | "BIF" | "VUV" => 0,
        "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
        _ => 2,
    }
}

/// Decimal places shown to people. The Iranian rial keeps ISO's two places on the
/// wire, but nobody writes fractions of a rial: prices show whole rials.
pub fn display_digits(currency: &str) -> u32 {
    match currency {
        "IRR" => 0,
        other => minor_digits(other),
    }
}

/// `minor` at `from` decimal places rounded (half away from zero) to `to` places
/// (64-bit only: 128-bit arithmetic would add its helpers to the wasm bundle).
fn rescale(minor: i64, from: u32, to: u32) -> i64 {
    if to >= from {
        return minor.saturating_mul(10_i64.saturating_pow(to - from));
    }
    let factor = 10_i64.saturating_pow(from - to);
    let (quotient, remainder) = (minor / factor, minor % factor);
    if remainder.unsigned_abs() * 2 >= factor.unsigned_abs() { quotient + minor.signum() } else { quotient }
}

/// Where a currency's sign stands and how it reads in a locale.
fn currency_sign(locale: Locale, currency: &str) -> (Option<&'static str>, bool) {
    // (sign, whether it follows the amount)
    match locale {
        Locale::En => (
            match currency {
                "USD" => Some("$"),
                "EUR" => Some("€"),
                "VND" => Some("₫"),
                "CNY" => Some("CN¥"),
                _ => None,
            },
            false,
        ),
        Locale::Zh => (
            match currency {
                "CNY" => Some("¥"),
                "USD" => Some("US$"),
                "EUR" => Some("€"),
                "VND" => Some("₫"),
                _ => None,
            },
            false,
        ),
        Locale::Vi => (
            match currency {
                "VND" => Some("₫"),
                "USD" => Some("US$"),
                "EUR" => Some("€"),
                "CNY" => Some("CN¥"),
                _ => None,
            },
            true,
        ),
        Locale::Fa => (
            match currency {
                "IRR" => Some("ریال"),
                "USD" => Some("دلار"),
                "EUR" => Some("یورو"),
                "CNY" => Some("یوان"),
                _ => None,
            },
            true,
        ),
    }
}

/// An amount in the API's minor units (đồng, fen, cents; hundredths of a rial) with
/// its currency: `(1250, "USD")` → `$12.50`; `(350000, "VND")` in Vietnamese →
/// `350.000 ₫`; `(120000000, "IRR")` in Persian → `۱٬۲۰۰٬۰۰۰ ریال`.
pub fn format_money_minor(locale: Locale, minor: i64, currency: &str) -> String {
    let places = display_digits(currency);
    let number = format_fixed(locale, rescale(minor, minor_digits(currency), places), places);
    match currency_sign(locale, currency) {
        (Some(sign), true) => format!("{number}\u{a0}{sign}"),
        (None, true) => format!("{number}\u{a0}{currency}"),
        (Some(sign), false) => match number.strip_prefix('-') {
            Some(rest) => format!("-{sign}{rest}"),
            None => format!("{sign}{number}"),
        },
        (None, false) => format!("{currency}\u{a0}{number}"),
    }
}

/// A decimal amount as the API writes it (`"12.5"`, `"350000"`) in minor units of
/// `currency`; `None` if it is not a number or is finer than the currency allows.
pub fn parse_amount(amount: &str, currency: &str) -> Option<i64> {
    let amount = latin_digits(amount.trim());
    let (negative, amount) = match amount.strip_prefix('-') {
        Some(rest) => (true, rest.to_owned()),
        None => (false, amount),
    };
    let (whole, fraction) = amount.split_once('.').unwrap_or((&amount, ""));
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    let places = minor_digits(currency) as usize;
    let extra = fraction.get(places..).unwrap_or("");
    if extra.chars().any(|c| c != '0') {
        return None;
    }
    let kept = fraction.get(..places).unwrap_or(fraction);
    let digits = format!("{whole}{kept:0<places$}");
    let minor: i64 = digits.parse().ok()?;
    Some(if negative { -minor } else { minor })
}

/// A decimal amount from the API formatted as money; the raw text if it is not one.
pub fn format_money(locale: Locale, amount: &str, currency: &str) -> String {
    match parse_amount(amount, currency) {
        Some(minor) => format_money_minor(locale, minor, currency),
        None => format!("{amount} {currency}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_are_grouped_per_locale() {
        assert_eq!(format_integer(Locale::En, 1_234_567), "1,234,567");
        assert_eq!(format_integer(Locale::Zh, 1_234_567), "1,234,567");
        assert_eq!(format_integer(Locale::Vi, 1_234_567), "1.234.567");
        assert_eq!(format_integer(Locale::Fa, 1_234_567), "۱٬۲۳۴٬۵۶۷");
        assert_eq!(format_integer(Locale::En, 0), "0");
        assert_eq!(format_integer(Locale::En, 999), "999");
        assert_eq!(format_integer(Locale::En, 1000), "1,000");
        assert_eq!(format_integer(Locale::En, -1_000_000), "-1,000,000");
        assert_eq!(format_integer(Locale::En, i64::MIN), "-9,223,372,036,854,775,808");
    }

    #[test]
    fn fixed_decimals_keep_their_places() {
        assert_eq!(format_fixed(Locale::En, 123_456, 2), "1,234.56");
        assert_eq!(format_fixed(Locale::Vi, 123_456, 2), "1.234,56");
        assert_eq!(format_fixed(Locale::Fa, 123_456, 2), "۱٬۲۳۴٫۵۶");
        assert_eq!(format_fixed(Locale::En, 5, 2), "0.05");
        assert_eq!(format_fixed(Locale::En, -5, 3), "-0.005");
        assert_eq!(format_fixed(Locale::En, i64::MAX, 2), "92,233,720,368,547,758.07");
        assert_eq!(rescale(149, 2, 0), 1);
        assert_eq!(rescale(150, 2, 0), 2);
        assert_eq!(rescale(-150, 2, 0), -2);
        assert_eq!(rescale(-149, 2, 0), -1);
        assert_eq!(rescale(i64::MAX, 2, 0), 92_233_720_368_547_758);
        assert_eq!(rescale(12, 0, 2), 1200);
    }

    #[test]
    fn money_has_the_currency_places_and_sign() {
        assert_eq!(format_money_minor(Locale::En, 1250, "USD"), "$12.50");
        assert_eq!(format_money_minor(Locale::En, 1250, "EUR"), "€12.50");
        assert_eq!(format_money_minor(Locale::En, 350_000, "VND"), "₫350,000");
        assert_eq!(format_money_minor(Locale::En, 120_000_000, "IRR"), "IRR\u{a0}1,200,000");
        assert_eq!(format_money_minor(Locale::En, 120_000_050, "IRR"), "IRR\u{a0}1,200,001");
        assert_eq!(format_money_minor(Locale::En, 1250, "CNY"), "CN¥12.50");
        assert_eq!(format_money_minor(Locale::Vi, 350_000, "VND"), "350.000\u{a0}₫");
        assert_eq!(format_money_minor(Locale::Vi, 1250, "USD"), "12,50\u{a0}US$");
        assert_eq!(format_money_minor(Locale::Zh, 1250, "CNY"), "¥12.50");
        assert_eq!(format_money_minor(Locale::Zh, 1250, "USD"), "US$12.50");
        assert_eq!(format_money_minor(Locale::Fa, 120_000_000, "IRR"), "۱٬۲۰۰٬۰۰۰\u{a0}ریال");
        assert_eq!(format_money_minor(Locale::Fa, -150, "IRR"), "-۲\u{a0}ریال");
        assert_eq!(format_money_minor(Locale::Fa, 1250, "USD"), "۱۲٫۵۰\u{a0}دلار");
        assert_eq!(format_money_minor(Locale::Fa, 350_000, "VND"), "۳۵۰٬۰۰۰\u{a0}VND");
        assert_eq!(format_money_minor(Locale::En, -1250, "USD"), "-$12.50");
        assert_eq!(format_money_minor(Locale::En, 1234, "KWD"), "KWD\u{a0}1.234");
    }

    #[test]
    fn api_amounts_become_minor_units() {
        assert_eq!(parse_amount("12.5", "USD"), Some(1250));
        assert_eq!(parse_amount("12.50", "USD"), Some(1250));
        assert_eq!(parse_amount("12", "USD"), Some(1200));
        assert_eq!(parse_amount("350000", "VND"), Some(350_000));
        assert_eq!(parse_amount("350000.000", "VND"), Some(350_000));
        assert_eq!(parse_amount("۱۲٫۵", "USD"), None);
        assert_eq!(parse_amount("۱۲.۵", "USD"), Some(1250));
        assert_eq!(parse_amount("1.234", "KWD"), Some(1234));
        assert_eq!(parse_amount("1200000", "IRR"), Some(120_000_000));
        assert_eq!(format_money(Locale::Fa, "1200000", "IRR"), "۱٬۲۰۰٬۰۰۰\u{a0}ریال");
        assert_eq!(parse_amount("0.001", "USD"), None);
        assert_eq!(parse_amount("1000.5", "VND"), None);
        assert_eq!(parse_amount("abc", "USD"), None);
        assert_eq!(parse_amount("", "USD"), None);
        assert_eq!(parse_amount(".5", "USD"), None);
        assert_eq!(parse_amount("99999999999999999999", "USD"), None);
        assert_eq!(format_money(Locale::Vi, "450000", "VND"), "450.000\u{a0}₫");
        assert_eq!(format_money(Locale::En, "oops", "USD"), "oops USD");
    }

    #[test]
    fn digits_convert_both_ways() {
        assert_eq!(localize_digits(Locale::Fa, "1403/01/20"), "۱۴۰۳/۰۱/۲۰");
        assert_eq!(localize_digits(Locale::En, "1403"), "1403");
        assert_eq!(latin_digits("۱۴۰۳/۰۱/۲۰"), "1403/01/20");
        assert_eq!(latin_digits("٢٠٢٤"), "2024");
    }

    /// Minor units mean what the server means by them (the frontend does not link the
    /// domain crate into the wasm, so the table is repeated and checked here).
    #[test]
    fn minor_digits_agree_with_the_domain() {
        for currency in ["VND", "IRR", "CNY", "USD", "EUR", "JPY", "KRW", "KWD", "BHD", "GBP", "THB"] {
            assert_eq!(minor_digits(currency), aftersales_domain::money::minor_digits(currency), "{currency}");
        }
        assert_eq!(display_digits("IRR"), 0);
        assert_eq!(display_digits("VND"), 0);
        assert_eq!(display_digits("USD"), 2);
    }
}
