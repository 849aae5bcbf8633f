//! Calendars people count months in: the Gregorian one, and the Jalali (Solar
//! Hijri) one of Iran, whose months begin on other days. A report by month cuts a
//! period of days at the months of the calendar its reader uses.
pub mod jalali;

use chrono::{Datelike, NaiveDate};

use crate::stock::report::Period;
use jalali::JalaliDate;

/// The calendar whose months a report counts in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Calendar {
    #[default]
    Gregorian,
    Jalali,
}

/// A month of a calendar, as the days of a period that fall in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Month {
    /// The month's year and number in its calendar, e.g. `1405-01` (Farvardin 1405).
    pub label: String,
    /// The first and last of the period's days in this month (Gregorian dates).
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
}

impl Calendar {
    /// The year and month number of a day; `None` where the calendar has no date.
    pub fn month_of(self, day: NaiveDate) -> Option<(i32, u32)> {
        match self {
            Calendar::Gregorian => Some((day.year(), day.month())),
            Calendar::Jalali => JalaliDate::from_gregorian(day).map(|d| (d.year, d.month)),
        }
    }

    /// The period cut at this calendar's months, in order: the first and last
    /// month may be partial. `None` where the calendar has no date for a day.
    pub fn months(self, period: Period) -> Option<Vec<Month>> {
        let mut months: Vec<Month> = Vec::new();
        let mut current = None;
        for day in period.from().iter_days().take_while(|d| *d <= period.to()) {
            let month = self.month_of(day)?;
            match months.last_mut() {
                Some(last) if current == Some(month) => last.last_day = day,
                _ => {
                    current = Some(month);
                    let label = format!("{:04}-{:02}", month.0, month.1);
                    months.push(Month { label, first_day: day, last_day: day });
                }
            }
        }
        Some(months)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d}"))
    }

    fn months(calendar: Calendar, from: NaiveDate, to: NaiveDate) -> Vec<Month> {
        let period = Period::new(from, to).unwrap_or_else(|e| panic!("{e}"));
        calendar.months(period).unwrap_or_else(|| panic!("{from}..{to} has dates"))
    }

    #[test]
    fn a_gregorian_year_is_twelve_whole_months() {
        let months = months(Calendar::Gregorian, day(2026, 1, 1), day(2026, 12, 31));
        assert_eq!(months.len(), 12);
        assert_eq!(
            months[1],
            Month { label: "2026-02".into(), first_day: day(2026, 2, 1), last_day: day(2026, 2, 28) }
        );
    }

    #[test]
    fn jalali_months_begin_on_their_own_days() {
        // Farvardin 1405 began on 21 March 2026; Esfand 1404 ended the day before.
        let months = months(Calendar::Jalali, day(2026, 3, 1), day(2026, 4, 30));
        let labels: Vec<_> = months.iter().map(|m| m.label.as_str()).collect();
        assert_eq!(labels, ["1404-12", "1405-01", "1405-02"]);
        assert_eq!((months[1].first_day, months[1].last_day), (day(2026, 3, 21), day(2026, 4, 20)));
    }

    proptest! {
        /// The months cover the period exactly, one after the other, each inside one
        /// month of its calendar, and no two share a label.
        #[test]
        fn months_tile_the_period(start in 0i64..40_000, length in 0i64..366, jalali: bool) {
            let from = day(1950, 1, 1) + chrono::Duration::days(start);
            let to = from + chrono::Duration::days(length);
            let calendar = if jalali { Calendar::Jalali } else { Calendar::Gregorian };
            let months = months(calendar, from, to);
            prop_assert_eq!(months.first().map(|m| m.first_day), Some(from));
            prop_assert_eq!(months.last().map(|m| m.last_day), Some(to));
            for pair in months.windows(2) {
                prop_assert_eq!(pair[0].last_day.succ_opt(), Some(pair[1].first_day));
                prop_assert!(pair[0].label < pair[1].label);
            }
            for m in &months {
                prop_assert_eq!(calendar.month_of(m.first_day), calendar.month_of(m.last_day));
            }
        }
    }
}
