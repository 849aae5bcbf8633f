//! Wall-clock times in the branch's time zone (the board's day is the branch's day,
//! wherever the browser is), worked out with the browser's `Intl` time zone data.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};
use wasm_bindgen::JsValue;

use crate::i18n::Locale;
use crate::i18n::number::localize_digits;

/// The wall-clock time in `zone` at an instant (UTC when the zone is unknown).
pub fn local(zone: &str, at: DateTime<Utc>) -> NaiveDateTime {
    let naive = at.naive_utc();
    let options = js_sys::Object::new();
    for (name, value) in [
        ("timeZone", zone),
        ("hourCycle", "h23"),
        ("year", "numeric"),
        ("month", "2-digit"),
        ("day", "2-digit"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
    ] {
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str(name), &JsValue::from_str(value));
    }
    // Milliseconds fit an f64 exactly for any date the app shows.
    #[allow(clippy::cast_precision_loss)]
    let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    // `03/05/2026, 09:00` in en-US: month, day, year, hour, minute.
    let text = String::from(date.to_locale_string("en-US", &options));
    let parts: Vec<u32> = text.split(|c: char| !c.is_ascii_digit()).filter_map(|p| p.parse().ok()).collect();
    let [month, day, year, hour, minute] = parts.as_slice() else { return naive };
    let Ok(year) = i32::try_from(*year) else { return naive };
    NaiveDate::from_ymd_opt(year, *month, *day).and_then(|d| d.and_hms_opt(*hour % 24, *minute, 0)).unwrap_or(naive)
}

/// The instant of a wall-clock time in `zone`.
pub fn instant(zone: &str, wall: NaiveDateTime) -> DateTime<Utc> {
    let offset = |at: DateTime<Utc>| {
        local(zone, at).signed_duration_since(at.naive_utc().with_second(0).unwrap_or(at.naive_utc()))
    };
    let guess = wall.and_utc();
    let first = guess - offset(guess);
    let second = guess - offset(first);
    second - Duration::seconds(i64::from(second.second()))
}

/// `09:30` in the zone, with the locale's digits.
pub fn clock(locale: Locale, zone: &str, at: DateTime<Utc>) -> String {
    let t = local(zone, at);
    localize_digits(locale, &format!("{:02}:{:02}", t.hour(), t.minute()))
}

/// `HH:MM` as a time input gives it.
pub fn parse_clock(text: &str) -> Option<NaiveTime> {
    let (h, m) = text.trim().split_once(':')?;
    NaiveTime::from_hms_opt(h.parse().ok()?, m.get(..2)?.parse().ok()?, 0)
}
