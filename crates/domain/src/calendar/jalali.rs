//! The Jalali (Solar Hijri) calendar of Iran, converted to and from the Gregorian one.
//!
//! The arithmetic is Kazimierz Borkowski's (as in the widely used `jalaali-js`): the
//! 33-year leap cycles between known "break" years reproduce the astronomical calendar
//! for years 1 to 3177. Hand-written rather than a crate because it is fifty lines
//! with no dependencies, and the Jalali crates available are either single early
//! releases or bring formatting and serde code the wasm bundle does not need. Every
//! day of several centuries is checked both ways in the tests below.

use chrono::{Datelike, NaiveDate};

/// Years where the 33-year cycle is restarted.
const BREAKS: [i32; 20] =
    [-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178];

/// The first and last Jalali years this conversion handles.
pub const FIRST_YEAR: i32 = 1;
pub const LAST_YEAR: i32 = 3177;

/// A date in the Jalali calendar (months 1 = Farvardin … 12 = Esfand).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct JalaliDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// What the calendar needs to know about one Jalali year.
struct YearInfo {
    /// Years since the last leap year: 0 means this year is leap (Esfand has 30 days).
    leap: i32,
    /// The Gregorian year in which this Jalali year starts.
    gregorian_year: i32,
    /// The day of March on which Farvardin 1 falls.
    march_day: i32,
}

fn year_info(jy: i32) -> Option<YearInfo> {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&jy) {
        return None;
    }
    let gy = jy + 621;
    let mut leap_j = -14;
    let mut jp = BREAKS[0];
    let mut jump = 0;
    for &jm in &BREAKS[1..] {
        jump = jm - jp;
        if jy < jm {
            break;
        }
        leap_j += jump / 33 * 8 + (jump % 33) / 4;
        jp = jm;
    }
    let mut n = jy - jp;
    leap_j += n / 33 * 8 + (n % 33 + 3) / 4;
    if jump % 33 == 4 && jump - n == 4 {
        leap_j += 1;
    }
    let leap_g = gy / 4 - (gy / 100 + 1) * 3 / 4 - 150;
    let march_day = 20 + leap_j - leap_g;
    if jump - n < 6 {
        n = n - jump + (jump + 4) / 33 * 33;
    }
    let mut leap = ((n + 1) % 33 - 1) % 4;
    if leap == -1 {
        leap = 4;
    }
    Some(YearInfo { leap, gregorian_year: gy, march_day })
}

/// Whether Esfand of `year` has 30 days.
pub fn is_leap_year(year: i32) -> bool {
    year_info(year).is_some_and(|info| info.leap == 0)
}

/// Days in a Jalali month: 31 in the first six, 30 in the next five, 29 or 30 in Esfand.
pub fn month_length(year: i32, month: u32) -> u32 {
    match month {
        1..=6 => 31,
        7..=11 => 30,
        12 if is_leap_year(year) => 30,
        _ => 29,
    }
}

/// Farvardin 1 of `year` as a Gregorian date.
fn new_year(year: i32) -> Option<(NaiveDate, YearInfo)> {
    let info = year_info(year)?;
    let day = u32::try_from(info.march_day).ok()?;
    Some((NaiveDate::from_ymd_opt(info.gregorian_year, 3, day)?, info))
}

impl JalaliDate {
    /// A valid Jalali date, or `None`.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        let valid =
            year_info(year).is_some() && (1..=12).contains(&month) && (1..=month_length(year, month)).contains(&day);
        valid.then_some(Self { year, month, day })
    }

    /// The Jalali date of a Gregorian day (`None` outside years 1 to 3177).
    pub fn from_gregorian(date: NaiveDate) -> Option<Self> {
        let mut year = date.year() - 621;
        let (mut start, _) = new_year(year)?;
        if date < start {
            year -= 1;
            (start, _) = new_year(year)?;
        }
        let k = u32::try_from(date.signed_duration_since(start).num_days()).ok()?;
        let (month, day) = if k < 186 { (1 + k / 31, k % 31 + 1) } else { (7 + (k - 186) / 30, (k - 186) % 30 + 1) };
        Self::new(year, month, day)
    }

    /// The Gregorian day of this Jalali date.
    pub fn to_gregorian(self) -> Option<NaiveDate> {
        let (start, _) = new_year(self.year)?;
        let before = if self.month <= 7 { (self.month - 1) * 31 } else { 6 * 31 + (self.month - 7) * 30 };
        start.checked_add_days(chrono::Days::new(u64::from(before + self.day - 1)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn j(y: i32, m: u32, d: u32) -> JalaliDate {
        JalaliDate { year: y, month: m, day: d }
    }

    #[test]
    fn known_pairs() {
        let pairs = [
            (j(1403, 1, 1), g(2024, 3, 20)),
            (j(1399, 12, 30), g(2021, 3, 20)),
            (j(1400, 1, 1), g(2021, 3, 21)),
            (j(1404, 1, 1), g(2025, 3, 21)),
            (j(1403, 12, 30), g(2025, 3, 20)),
            (j(1357, 11, 22), g(1979, 2, 11)),
            (j(1348, 10, 11), g(1970, 1, 1)),
            (j(1396, 7, 8), g(2017, 9, 30)),
            (j(1405, 9, 1), g(2026, 11, 22)),
            (j(1, 1, 1), g(622, 3, 22)),
        ];
        for (jalali, gregorian) in pairs {
            assert_eq!(JalaliDate::from_gregorian(gregorian), Some(jalali), "{gregorian}");
            assert_eq!(jalali.to_gregorian(), Some(gregorian), "{jalali:?}");
        }
    }

    #[test]
    fn leap_years_follow_the_calendar() {
        for year in [1399, 1403, 1408, 1370, 1375, 1387, 1391, 1395] {
            assert!(is_leap_year(year), "{year} is leap");
        }
        for year in [1400, 1401, 1402, 1404, 1405, 1398] {
            assert!(!is_leap_year(year), "{year} is not leap");
        }
        assert!(JalaliDate::new(1399, 12, 30).is_some());
        assert!(JalaliDate::new(1400, 12, 30).is_none());
        assert!(JalaliDate::new(1403, 7, 31).is_none());
        assert!(JalaliDate::new(1403, 13, 1).is_none());
        assert!(JalaliDate::new(1403, 1, 0).is_none());
    }

    /// Every Gregorian day from 1600 to 2600 maps to the day after the previous
    /// one's Jalali date, and back to itself.
    #[test]
    fn every_day_round_trips_and_days_follow_each_other() {
        let end = g(2600, 12, 31);
        let mut previous: Option<JalaliDate> = None;
        for day in g(1600, 1, 1).iter_days().take_while(|d| *d <= end) {
            let jalali = JalaliDate::from_gregorian(day);
            let Some(jalali) = jalali else { panic!("{day} has no Jalali date") };
            assert_eq!(jalali.to_gregorian(), Some(day), "{day} → {jalali:?} does not come back");
            if let Some(p) = previous {
                let expected = if p.day < month_length(p.year, p.month) {
                    j(p.year, p.month, p.day + 1)
                } else if p.month < 12 {
                    j(p.year, p.month + 1, 1)
                } else {
                    j(p.year + 1, 1, 1)
                };
                assert_eq!(jalali, expected, "the day after {p:?}");
            }
            previous = Some(jalali);
        }
    }

    fn farvardin_first(year: i32) -> NaiveDate {
        new_year(year).map(|(d, _)| d).unwrap_or_default()
    }

    /// A year has 365 days, or 366 when leap, and leap years come 4 or 5 years apart.
    #[test]
    fn year_lengths_and_leap_spacing() {
        let mut last_leap = None;
        for year in 1000..2000 {
            let days = farvardin_first(year + 1).signed_duration_since(farvardin_first(year)).num_days();
            assert_eq!(days, if is_leap_year(year) { 366 } else { 365 }, "{year}");
            if is_leap_year(year) {
                if let Some(last) = last_leap {
                    assert!(matches!(year - last, 4 | 5), "{last} → {year}");
                }
                last_leap = Some(year);
            }
        }
    }

    #[test]
    fn outside_the_supported_years_there_is_no_date() {
        assert_eq!(JalaliDate::new(0, 1, 1), None);
        assert_eq!(JalaliDate::new(3178, 1, 1), None);
        assert_eq!(JalaliDate::from_gregorian(g(600, 1, 1)), None);
    }
}
