//! Policy versions are append-only: a new version takes effect on a date and the
//! version before it stops the day it starts, so every date has one version.
use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VersionSpan {
    pub version: i32,
    pub effective_from: NaiveDate,
    pub effective_to: Option<NaiveDate>,
}

/// What publishing a version does: its number, and the version it closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VersionPlan {
    pub version: i32,
    /// The latest version, to end (exclusive) on the new version's first day.
    pub closes: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VersionError {
    #[error("a new version must take effect after the latest one, which starts on {0}")]
    NotAfterLatest(NaiveDate),
}

pub fn plan_version(existing: &[VersionSpan], effective_from: NaiveDate) -> Result<VersionPlan, VersionError> {
    let Some(latest) = existing.iter().max_by_key(|v| v.version) else {
        return Ok(VersionPlan { version: 1, closes: None });
    };
    if effective_from <= latest.effective_from {
        return Err(VersionError::NotAfterLatest(latest.effective_from));
    }
    Ok(VersionPlan { version: latest.version + 1, closes: Some(latest.version) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, 1).unwrap_or_default()
    }

    #[test]
    fn the_first_version_is_one_and_closes_nothing() {
        assert_eq!(plan_version(&[], d(1)), Ok(VersionPlan { version: 1, closes: None }));
    }

    #[test]
    fn a_later_version_closes_the_latest() {
        let v1 = VersionSpan { version: 1, effective_from: d(1), effective_to: None };
        assert_eq!(plan_version(&[v1], d(6)), Ok(VersionPlan { version: 2, closes: Some(1) }));
    }

    #[test]
    fn a_version_cannot_start_before_or_with_the_latest() {
        let v1 = VersionSpan { version: 1, effective_from: d(3), effective_to: None };
        assert_eq!(plan_version(&[v1], d(3)), Err(VersionError::NotAfterLatest(d(3))));
        assert_eq!(plan_version(&[v1], d(2)), Err(VersionError::NotAfterLatest(d(3))));
    }
}
