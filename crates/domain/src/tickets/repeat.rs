//! Repeat repairs: the same unit back within a window after an earlier job is a
//! quality signal (and, for the manufacturer, often not billable twice).
use chrono::{DateTime, Duration, Utc};

/// True when a unit's earlier ticket, opened at `earlier`, is within `window_days`
/// of the new intake at `now`. A window of 0 switches the flag off.
pub fn is_repeat_repair(earlier: DateTime<Utc>, now: DateTime<Utc>, window_days: u32) -> bool {
    window_days > 0 && earlier <= now && now - earlier <= Duration::days(i64::from(window_days))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, day, 9, 0, 0).single().unwrap_or_default()
    }

    #[test]
    fn back_within_the_window_is_a_repeat() {
        assert!(is_repeat_repair(at(1), at(31), 30));
        assert!(!is_repeat_repair(at(1), at(31) + Duration::seconds(1), 30));
    }

    #[test]
    fn a_zero_window_never_flags() {
        assert!(!is_repeat_repair(at(1), at(1), 0));
    }
}
