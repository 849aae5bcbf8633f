//! Calendar-correct month arithmetic for warranty terms.
use chrono::{Days, Months, NaiveDate};

/// `date` plus whole calendar months, clamped to the end of a shorter month:
/// 31 Jan + 1 month = 28 Feb (29 Feb in a leap year).
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months)).unwrap_or(NaiveDate::MAX)
}

/// The last day covered by a term of `months` starting on `start`: a 12-month
/// warranty from 1 Mar 2026 covers up to and including 28 Feb 2027.
pub fn last_covered_day(start: NaiveDate, months: u32) -> NaiveDate {
    let end = add_months(start, months);
    end.checked_sub_days(Days::new(1)).unwrap_or(end)
}

/// `date` plus whole days.
pub fn add_days(date: NaiveDate, days: u32) -> NaiveDate {
    date.checked_add_days(Days::new(u64::from(days))).unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn the_end_of_january_plus_a_month_is_the_end_of_february() {
        assert_eq!(add_months(d(2026, 1, 31), 1), d(2026, 2, 28));
        assert_eq!(add_months(d(2028, 1, 31), 1), d(2028, 2, 29));
        assert_eq!(add_months(d(2026, 3, 31), 1), d(2026, 4, 30));
    }

    #[test]
    fn a_leap_day_plus_a_year_is_the_last_of_february() {
        assert_eq!(add_months(d(2028, 2, 29), 12), d(2029, 2, 28));
    }

    #[test]
    fn a_twelve_month_term_ends_the_day_before_the_anniversary() {
        assert_eq!(last_covered_day(d(2026, 3, 1), 12), d(2027, 2, 28));
        assert_eq!(last_covered_day(d(2026, 1, 1), 12), d(2026, 12, 31));
        assert_eq!(last_covered_day(d(2026, 1, 1), 0), d(2025, 12, 31));
    }
}
