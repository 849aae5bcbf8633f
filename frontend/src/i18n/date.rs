//! Dates and times as each locale writes them: Gregorian in English, Vietnamese and
//! Chinese, Jalali (Solar Hijri) with Persian digits in Persian, for display and for
//! what people type.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Timelike, Utc};

use super::locale::Locale;
use super::number::{latin_digits, localize_digits};
use aftersales_domain::calendar::jalali::JalaliDate;

const ENGLISH_MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Farvardin … Esfand, as Iranian calendars print them.
pub const JALALI_MONTHS: [&str; 12] =
    ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"];

fn month_name(names: &[&'static str; 12], month: u32) -> &'static str {
    names.get(month.saturating_sub(1) as usize).copied().unwrap_or_default()
}

/// Today in the browser's calendar (its time zone).
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(now.get_full_year().cast_signed(), now.get_month() + 1, now.get_date()).unwrap_or_default()
}

/// `2024-03-20`. Written by hand: chrono's `format` brings its whole strftime
/// machinery into the wasm bundle.
pub fn iso_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// `2024-03-20T21:05:00Z`, for `<time datetime>`.
pub fn iso_instant(at: DateTime<Utc>) -> String {
    let t = at.time();
    format!("{}T{:02}:{:02}:{:02}Z", iso_date(at.date_naive()), t.hour(), t.minute(), t.second())
}

/// A calendar day: `20 Mar 2024`, `20/03/2024`, `2024年3月20日`, `۱ فروردین ۱۴۰۳`.
pub fn format_date(locale: Locale, date: NaiveDate) -> String {
    let (y, m, d) = (date.year(), date.month(), date.day());
    match locale {
        Locale::En => format!("{d} {} {y}", month_name(&ENGLISH_MONTHS, m)),
        Locale::Vi => format!("{d:02}/{m:02}/{y}"),
        Locale::Zh => format!("{y}年{m}月{d}日"),
        Locale::Fa => match JalaliDate::from_gregorian(date) {
            Some(j) => {
                localize_digits(locale, &format!("{} {} {}", j.day, month_name(&JALALI_MONTHS, j.month), j.year))
            }
            None => localize_digits(locale, &iso_date(date)),
        },
    }
}

/// A month of a report: `Mar 2026`, `03/2026`, `2026年3月`; in Persian a Jalali
/// month, `فروردین ۱۴۰۵` (the year and month are of the calendar the report used).
pub fn format_month(locale: Locale, year: i32, month: u32) -> String {
    match locale {
        Locale::En => format!("{} {year}", month_name(&ENGLISH_MONTHS, month)),
        Locale::Vi => format!("{month:02}/{year}"),
        Locale::Zh => format!("{year}年{month}月"),
        Locale::Fa => localize_digits(locale, &format!("{} {year}", month_name(&JALALI_MONTHS, month))),
    }
}

/// The first day of the year `day` falls in, in the locale's calendar (Farvardin 1
/// in Persian, 1 January elsewhere).
pub fn year_start(locale: Locale, day: NaiveDate) -> NaiveDate {
    match locale {
        Locale::Fa => JalaliDate::from_gregorian(day)
            .and_then(|j| JalaliDate::new(j.year, 1, 1))
            .and_then(JalaliDate::to_gregorian)
            .unwrap_or(day),
        _ => NaiveDate::from_ymd_opt(day.year(), 1, 1).unwrap_or(day),
    }
}

/// A day and a time of day (24-hour clock) in local time.
pub fn format_date_time(locale: Locale, at: NaiveDateTime) -> String {
    let date = format_date(locale, at.date());
    let time = format!("{:02}:{:02}", at.hour(), at.minute());
    match locale {
        Locale::En => format!("{date}, {time}"),
        Locale::Vi | Locale::Zh => format!("{date} {time}"),
        Locale::Fa => format!("{date}، {}", localize_digits(locale, &time)),
    }
}

/// An instant from the API shown in local time, `offset_minutes` east of UTC
/// (the browser's offset for that instant).
pub fn format_instant(locale: Locale, at: DateTime<Utc>, offset_minutes: i32) -> String {
    format_date_time(locale, at.naive_utc() + Duration::minutes(i64::from(offset_minutes)))
}

/// The local calendar day of an instant.
pub fn format_instant_date(locale: Locale, at: DateTime<Utc>, offset_minutes: i32) -> String {
    format_date(locale, (at.naive_utc() + Duration::minutes(i64::from(offset_minutes))).date())
}

/// A day as a date field shows it for editing, in the shape [`parse_date`] reads back:
/// `2024-03-20` (English, Chinese), `20/03/2024` (Vietnamese), `۱۴۰۳/۰۱/۰۱` (Persian, Jalali).
pub fn date_input_value(locale: Locale, date: NaiveDate) -> String {
    match locale {
        Locale::En | Locale::Zh => iso_date(date),
        Locale::Vi => format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year()),
        Locale::Fa => match JalaliDate::from_gregorian(date) {
            Some(j) => localize_digits(locale, &format!("{:04}/{:02}/{:02}", j.year, j.month, j.day)),
            None => iso_date(date),
        },
    }
}

/// What someone typed into a date field, as a Gregorian day. Persian and Arabic-Indic
/// digits are accepted everywhere; `/`, `-`, `.` and `年月日` separate the parts.
/// Year first in English, Chinese and Persian (a Jalali date there), day first in
/// Vietnamese. `None` for anything that is not a real day.
pub fn parse_date(locale: Locale, text: &str) -> Option<NaiveDate> {
    let text = latin_digits(text.trim());
    let parts: Vec<&str> =
        text.split(['/', '-', '.', '年', '月', '日', ' ', '\u{200c}']).filter(|p| !p.is_empty()).collect();
    let [a, b, c] = parts.as_slice() else { return None };
    if ![a, b, c].iter().all(|p| p.chars().all(|ch| ch.is_ascii_digit()) && p.len() <= 4) {
        return None;
    }
    let number = |s: &str| s.parse::<u32>().ok();
    let (year_text, month, day) = match locale {
        Locale::Vi => (*c, number(b)?, number(a)?),
        Locale::En | Locale::Zh | Locale::Fa => (*a, number(b)?, number(c)?),
    };
    // A two-digit year is too ambiguous for dates that matter (warranties, invoices).
    if year_text.len() != 4 {
        return None;
    }
    let year = year_text.parse::<i32>().ok()?;
    match locale {
        Locale::Fa => JalaliDate::new(year, month, day)?.to_gregorian(),
        _ => NaiveDate::from_ymd_opt(year, month, day),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn months_and_years_follow_the_locale_s_calendar() {
        assert_eq!(format_month(Locale::En, 2026, 3), "Mar 2026");
        assert_eq!(format_month(Locale::Zh, 2026, 3), "2026年3月");
        assert_eq!(format_month(Locale::Fa, 1405, 1), "فروردین ۱۴۰۵");
        assert_eq!(year_start(Locale::Vi, g(2026, 7, 9)), g(2026, 1, 1));
        // 1 Farvardin 1405 was 21 March 2026; 1 Farvardin 1404, 21 March 2025.
        assert_eq!(year_start(Locale::Fa, g(2026, 7, 9)), g(2026, 3, 21));
        assert_eq!(year_start(Locale::Fa, g(2026, 3, 20)), g(2025, 3, 21));
    }

    #[test]
    fn dates_read_as_each_locale_writes_them() {
        let nowruz = g(2024, 3, 20);
        assert_eq!(format_date(Locale::En, nowruz), "20 Mar 2024");
        assert_eq!(format_date(Locale::Vi, nowruz), "20/03/2024");
        assert_eq!(format_date(Locale::Zh, nowruz), "2024年3月20日");
        assert_eq!(format_date(Locale::Fa, nowruz), "۱ فروردین ۱۴۰۳");
        assert_eq!(format_date(Locale::Fa, g(2021, 3, 20)), "۳۰ اسفند ۱۳۹۹");
        assert_eq!(format_date(Locale::Fa, g(2026, 11, 22)), "۱ آذر ۱۴۰۵");
    }

    #[test]
    fn date_times_are_shown_in_local_time() {
        let at =
            DateTime::parse_from_rfc3339("2024-03-19T21:05:00Z").map(|d| d.with_timezone(&Utc)).unwrap_or_default();
        // Tehran is UTC+03:30: already Nowruz there.
        assert_eq!(format_instant(Locale::Fa, at, 210), "۱ فروردین ۱۴۰۳، ۰۰:۳۵");
        assert_eq!(format_instant(Locale::En, at, 0), "19 Mar 2024, 21:05");
        assert_eq!(format_instant(Locale::Vi, at, 420), "20/03/2024 04:05");
        assert_eq!(format_instant(Locale::Zh, at, 480), "2024年3月20日 05:05");
        assert_eq!(format_instant_date(Locale::Fa, at, 210), "۱ فروردین ۱۴۰۳");
        assert_eq!(format_instant_date(Locale::En, at, -300), "19 Mar 2024");
    }

    #[test]
    fn machine_readable_forms() {
        assert_eq!(iso_date(g(987, 6, 5)), "0987-06-05");
        let at =
            DateTime::parse_from_rfc3339("2024-03-19T21:05:09.123Z").map(|d| d.with_timezone(&Utc)).unwrap_or_default();
        assert_eq!(iso_instant(at), "2024-03-19T21:05:09Z");
    }

    #[test]
    fn typed_dates_are_read_back() {
        let nowruz = g(2024, 3, 20);
        assert_eq!(parse_date(Locale::Fa, "۱۴۰۳/۰۱/۰۱"), Some(nowruz));
        assert_eq!(parse_date(Locale::Fa, "1403-1-1"), Some(nowruz));
        assert_eq!(parse_date(Locale::Fa, " ١٤٠٣/١/١ "), Some(nowruz));
        assert_eq!(parse_date(Locale::Fa, "1399/12/30"), Some(g(2021, 3, 20)));
        assert_eq!(parse_date(Locale::Fa, "1400/12/30"), None);
        assert_eq!(parse_date(Locale::Fa, "1403/07/31"), None);
        assert_eq!(parse_date(Locale::En, "2024-03-20"), Some(nowruz));
        assert_eq!(parse_date(Locale::Zh, "2024年3月20日"), Some(nowruz));
        assert_eq!(parse_date(Locale::Zh, "2024/3/20"), Some(nowruz));
        assert_eq!(parse_date(Locale::Vi, "20/03/2024"), Some(nowruz));
        assert_eq!(parse_date(Locale::Vi, "20.3.2024"), Some(nowruz));
        assert_eq!(parse_date(Locale::Vi, "2024-03-20"), None);
        assert_eq!(parse_date(Locale::En, "2023-02-29"), None);
        assert_eq!(parse_date(Locale::En, "24-03-20"), None);
        assert_eq!(parse_date(Locale::En, "2024-03"), None);
        assert_eq!(parse_date(Locale::En, "2024-03-20-1"), None);
        assert_eq!(parse_date(Locale::En, "+2024-03-20"), None);
        assert_eq!(parse_date(Locale::En, ""), None);
    }

    /// What a field shows is what it reads back, for every locale and many days.
    #[test]
    fn input_values_round_trip() {
        for locale in Locale::ALL {
            for day in g(1990, 1, 1).iter_days().step_by(7).take(3000) {
                let shown = date_input_value(locale, day);
                assert_eq!(parse_date(locale, &shown), Some(day), "{locale:?} {shown}");
            }
        }
    }
}
