//! Account lockout after repeated failed sign-ins.
//!
//! Failures are counted per account name whether or not such an account exists, so
//! the answers for "unknown user" and "wrong password" stay the same.

use chrono::{DateTime, Duration, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottlePolicy {
    /// Failures allowed within `window` before the account locks.
    pub max_failures: u32,
    pub window: Duration,
    /// How long a locked account stays locked.
    pub lockout: Duration,
}

/// What is remembered about recent failures of one account name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FailureRecord {
    pub failures: u32,
    pub first_failure_at: DateTime<Utc>,
    pub locked_until: Option<DateTime<Utc>>,
}

impl ThrottlePolicy {
    /// `Err(until)` while the account is locked.
    pub fn check(&self, record: Option<&FailureRecord>, now: DateTime<Utc>) -> Result<(), DateTime<Utc>> {
        match record.and_then(|r| r.locked_until) {
            Some(until) if now < until => Err(until),
            _ => Ok(()),
        }
    }

    /// The record after one more failed attempt at `now`.
    pub fn record_failure(&self, record: Option<FailureRecord>, now: DateTime<Utc>) -> FailureRecord {
        let fresh = FailureRecord { failures: 0, first_failure_at: now, locked_until: None };
        let mut next = match record {
            Some(r) if now - r.first_failure_at < self.window && r.locked_until.is_none_or(|u| now < u) => r,
            _ => fresh,
        };
        next.failures += 1;
        if next.failures >= self.max_failures {
            next.locked_until = Some(now + self.lockout);
        }
        next
    }

    /// True when the record no longer matters and may be forgotten.
    pub fn is_stale(&self, record: &FailureRecord, now: DateTime<Utc>) -> bool {
        let window_over = now - record.first_failure_at >= self.window;
        let lock_over = record.locked_until.is_none_or(|u| now >= u);
        window_over && lock_over
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn policy() -> ThrottlePolicy {
        ThrottlePolicy { max_failures: 5, window: Duration::minutes(15), lockout: Duration::minutes(15) }
    }

    fn t(minutes: i64) -> DateTime<Utc> {
        DateTime::<Utc>::UNIX_EPOCH + Duration::minutes(minutes)
    }

    #[test]
    fn the_fifth_failure_locks_the_account_for_the_lockout_period() {
        let p = policy();
        let mut record = None;
        for _ in 0..4 {
            record = Some(p.record_failure(record, t(0)));
            assert_eq!(p.check(record.as_ref(), t(0)), Ok(()));
        }
        record = Some(p.record_failure(record, t(1)));
        assert_eq!(p.check(record.as_ref(), t(1)), Err(t(16)));
        assert_eq!(p.check(record.as_ref(), t(16)), Ok(()));
    }

    #[test]
    fn failures_spread_beyond_the_window_do_not_lock() {
        let p = policy();
        let mut record = None;
        for i in 0..10 {
            record = Some(p.record_failure(record, t(i * 16)));
            assert_eq!(p.check(record.as_ref(), t(i * 16)), Ok(()));
        }
    }

    #[test]
    fn a_failure_after_the_lock_expired_starts_counting_again() {
        let p = policy();
        let mut record = None;
        for _ in 0..5 {
            record = Some(p.record_failure(record, t(0)));
        }
        let after = p.record_failure(record, t(20));
        assert_eq!(after.failures, 1);
        assert_eq!(after.locked_until, None);
    }

    proptest! {
        /// However failures arrive, a lock never lasts longer than the lockout period.
        #[test]
        fn a_lock_never_outlasts_the_lockout(gaps in proptest::collection::vec(0i64..30, 1..40)) {
            let p = policy();
            let mut now = t(0);
            let mut record = None;
            for gap in gaps {
                now += Duration::minutes(gap);
                let r = p.record_failure(record, now);
                if let Some(until) = r.locked_until {
                    prop_assert!(until <= now + p.lockout);
                }
                prop_assert!(r.failures <= p.max_failures || r.locked_until.is_some());
                record = Some(r);
            }
        }
    }
}
