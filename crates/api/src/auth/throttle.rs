//! Sign-in throttling: per client IP (token bucket) and per account name (lockout
//! after repeated failures, rules in `aftersales_domain::login_throttle`).
//!
//! Kept in memory of each process: behind a load balancer with N instances an
//! attacker gets at most N times the allowance.
use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Mutex;

use aftersales_domain::login_throttle::{FailureRecord, ThrottlePolicy};
use chrono::{DateTime, Utc};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::error::ApiError;

/// Account records kept before stale ones are swept out.
const SWEEP_ABOVE: usize = 10_000;

pub struct LoginGuard {
    per_ip: DefaultKeyedRateLimiter<IpAddr>,
    accounts: Mutex<HashMap<String, FailureRecord>>,
    policy: ThrottlePolicy,
}

impl LoginGuard {
    pub fn new(per_ip_per_minute: u32, policy: ThrottlePolicy) -> Self {
        let quota = Quota::per_minute(NonZeroU32::new(per_ip_per_minute).unwrap_or(NonZeroU32::MIN));
        LoginGuard { per_ip: RateLimiter::keyed(quota), accounts: Mutex::new(HashMap::new()), policy }
    }

    pub fn check_ip(&self, ip: IpAddr) -> Result<(), ApiError> {
        self.per_ip.check_key(&ip).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            ApiError::RateLimited { retry_after_secs: wait.as_secs().max(1) }
        })
    }

    /// Refuses while the account name is locked, whether or not the account exists.
    pub fn check_account(&self, name: &str, now: DateTime<Utc>) -> Result<(), ApiError> {
        let accounts = self.accounts.lock().map_err(|_| ApiError::Internal(anyhow::anyhow!("login guard poisoned")))?;
        self.policy.check(accounts.get(name), now).map_err(|until| ApiError::RateLimited {
            retry_after_secs: u64::try_from((until - now).num_seconds()).unwrap_or(1).max(1),
        })
    }

    pub fn record_failure(&self, name: &str, now: DateTime<Utc>) {
        if let Ok(mut accounts) = self.accounts.lock() {
            if accounts.len() > SWEEP_ABOVE {
                accounts.retain(|_, r| !self.policy.is_stale(r, now));
                self.per_ip.retain_recent();
            }
            let next = self.policy.record_failure(accounts.get(name).copied(), now);
            accounts.insert(name.to_owned(), next);
        }
    }

    pub fn record_success(&self, name: &str) {
        if let Ok(mut accounts) = self.accounts.lock() {
            accounts.remove(name);
        }
    }
}
