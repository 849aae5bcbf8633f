//! Refresh-token rotation with reuse detection.
//!
//! Every refresh spends the presented token and issues a new one in the same family.
//! A token that is presented again after it was spent means it leaked (or a client
//! raced itself): the whole family is revoked, which signs out every session built on it.

use chrono::{DateTime, Utc};

/// What the server knows about a presented refresh token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RefreshTokenState {
    pub spent: bool,
    pub revoked: bool,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefreshVerdict {
    /// Spend this token and issue the next one of the family.
    Rotate,
    /// Already spent: revoke the whole family.
    Reused,
    /// Revoked by sign-out or an earlier reuse.
    Revoked,
    Expired,
}

pub fn judge_refresh(state: RefreshTokenState, now: DateTime<Utc>) -> RefreshVerdict {
    if state.revoked {
        RefreshVerdict::Revoked
    } else if state.spent {
        RefreshVerdict::Reused
    } else if now >= state.expires_at {
        RefreshVerdict::Expired
    } else {
        RefreshVerdict::Rotate
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn state(spent: bool, revoked: bool, ttl: i64) -> (RefreshTokenState, DateTime<Utc>) {
        let now = DateTime::<Utc>::UNIX_EPOCH + Duration::days(100);
        (RefreshTokenState { spent, revoked, expires_at: now + Duration::seconds(ttl) }, now)
    }

    #[test]
    fn a_fresh_token_rotates() {
        let (s, now) = state(false, false, 60);
        assert_eq!(judge_refresh(s, now), RefreshVerdict::Rotate);
    }

    #[test]
    fn a_spent_token_is_reuse_even_when_expired() {
        let (s, now) = state(true, false, -60);
        assert_eq!(judge_refresh(s, now), RefreshVerdict::Reused);
    }

    #[test]
    fn a_revoked_token_is_refused_without_new_revocation() {
        let (s, now) = state(true, true, 60);
        assert_eq!(judge_refresh(s, now), RefreshVerdict::Revoked);
    }

    #[test]
    fn a_token_at_its_expiry_instant_is_expired() {
        let (s, now) = state(false, false, 0);
        assert_eq!(judge_refresh(s, now), RefreshVerdict::Expired);
    }
}
