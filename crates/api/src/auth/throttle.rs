//! Throttling: per client IP (token bucket, for sign-in and the public tracking
//! page) and per account name (lockout after repeated failures, rules in
//! `aftersales_domain::login_throttle`).
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

/// Records (accounts, addresses) kept before stale ones are swept out.
const SWEEP_ABOVE: usize = 10_000;

/// Requests per client IP per minute, refused with 429 and `Retry-After` beyond that.
pub struct IpLimiter {
    per_ip: DefaultKeyedRateLimiter<IpAddr>,
}

impl IpLimiter {
    pub fn per_minute(n: u32) -> Self {
        let quota = Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN));
        IpLimiter { per_ip: RateLimiter::keyed(quota) }
    }

    pub fn check(&self, ip: IpAddr) -> Result<(), ApiError> {
        if self.per_ip.len() > SWEEP_ABOVE {
            self.per_ip.retain_recent();
        }
        self.per_ip.check_key(&ip).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            ApiError::RateLimited { retry_after_secs: wait.as_secs().max(1) }
        })
    }
}

pub struct LoginGuard {
    per_ip: IpLimiter,
    accounts: Mutex<HashMap<String, FailureRecord>>,
    policy: ThrottlePolicy,
}

impl LoginGuard {
    pub fn new(per_ip_per_minute: u32, policy: ThrottlePolicy) -> Self {
        LoginGuard { per_ip: IpLimiter::per_minute(per_ip_per_minute), accounts: Mutex::new(HashMap::new()), policy }
    }

    pub fn check_ip(&self, ip: IpAddr) -> Result<(), ApiError> {
        self.per_ip.check(ip)
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
