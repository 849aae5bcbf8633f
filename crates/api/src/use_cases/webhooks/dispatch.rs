//! Delivering the outbox in the background: claim what is due, post each message
//! signed to its endpoint, keep every attempt, and schedule the next one.
//!
//! Delivery is at least once. A process killed between posting a message and
//! recording it posts it again after its lease ends; receivers drop a repeat by
//! its `webhook-id`. Two processes never hold the same delivery at once (the
//! claim in [`outbox::claim_due`]).
use std::collections::HashMap;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use aftersales_domain::webhooks::{accepted, retry_wait, should_disable, signature_header};
use aftersales_persistence::webhooks::{Attempt, Claimed, Outcome, WebhookEndpoint, endpoints, outbox};
use aftersales_persistence::{DatabaseConnection, DatabaseTransaction, StoreError, begin_write};
use chrono::{DateTime, Utc};
use futures_util::future::join_all;
use tokio::sync::Notify;
use uuid::Uuid;

use crate::error::ApiError;
use crate::use_cases::work::writer_turn;

/// Deliveries taken per round; sent side by side.
const BATCH: u64 = 32;
/// How much of a receiver's answer the log keeps.
const BODY_KEPT: usize = 1000;
const ERROR_KEPT: usize = 500;

static WAKE: LazyLock<Notify> = LazyLock::new(Notify::new);

/// Tells this process's dispatcher that deliveries were just made due, so it
/// does not wait for its next look.
pub fn wake() {
    WAKE.notify_one();
}

/// How the dispatcher runs.
#[derive(Debug, Clone)]
pub struct Settings {
    /// How long a claim holds a delivery: longer than any attempt can take.
    pub lease: Duration,
    /// How often to look for due deliveries (other processes' events, retries).
    pub poll: Duration,
    /// How long a receiver may take to answer.
    pub timeout: Duration,
}

pub struct Dispatcher {
    db: DatabaseConnection,
    http: reqwest::Client,
    settings: Settings,
}

impl Dispatcher {
    pub fn new(db: DatabaseConnection, settings: Settings) -> anyhow::Result<Dispatcher> {
        crate::startup::install_tls_provider();
        let http = reqwest::Client::builder()
            .timeout(settings.timeout)
            // A receiver that moved must be given its new address, not followed blindly.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("Aftersales-Webhooks/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Dispatcher { db, http, settings })
    }

    /// Delivers until the process ends: at once when woken, else every `poll`.
    pub async fn run(self) {
        loop {
            match self.deliver_due().await {
                Ok(n) if n > 0 => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "delivering webhooks failed"),
            }
            let _ = tokio::time::timeout(self.settings.poll, WAKE.notified()).await;
        }
    }

    /// One round: claims what is due and sends it; answers how many were sent.
    pub async fn deliver_due(&self) -> Result<usize, ApiError> {
        let now = Utc::now();
        let lease = chrono::Duration::from_std(self.settings.lease).unwrap_or(chrono::Duration::minutes(1));
        let claimed = {
            let _turn = writer_turn(&self.db).await;
            outbox::claim_due(&self.db, now, now + lease, BATCH).await?
        };
        if claimed.is_empty() {
            return Ok(0);
        }
        let mut endpoints_by_id: HashMap<Uuid, WebhookEndpoint> = HashMap::new();
        for c in &claimed {
            if let std::collections::hash_map::Entry::Vacant(slot) = endpoints_by_id.entry(c.delivery.endpoint_id) {
                match endpoints::find(&self.db, c.delivery.endpoint_id).await {
                    Ok(endpoint) => {
                        slot.insert(endpoint);
                    }
                    Err(StoreError::NotFound) => {}
                    Err(e) => return Err(e.into()),
                }
            }
        }
        let sends = claimed.iter().filter_map(|c| {
            let endpoint = endpoints_by_id.get(&c.delivery.endpoint_id)?;
            Some(async move { (c, endpoint, self.send(endpoint, c).await) })
        });
        let started = Instant::now();
        let results = join_all(sends).await;
        // One transaction for the whole round: on SQLite, one turn of its single
        // writer instead of one per delivery, which a second process waits for.
        let _turn = writer_turn(&self.db).await;
        let txn = begin_write(&self.db).await?;
        for (claimed, endpoint, attempt) in &results {
            record(&txn, claimed, endpoint, attempt.clone()).await?;
        }
        txn.commit().await?;
        let ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        tracing::debug!(deliveries = results.len(), ms, "delivered a round of webhooks");
        Ok(results.len())
    }

    /// Posts the message, signed with every secret in force. An endpoint switched
    /// off since the claim is not called.
    async fn send(&self, endpoint: &WebhookEndpoint, claimed: &Claimed) -> Option<Attempt> {
        if !endpoint.active {
            return None;
        }
        let attempted_at = Utc::now();
        let timestamp = attempted_at.timestamp();
        let id = claimed.delivery.event_id.to_string();
        let signature = signature_header(&endpoint.signing_secrets(attempted_at), &id, timestamp, &claimed.payload);
        let started = Instant::now();
        let answer = self
            .http
            .post(&endpoint.url)
            .header("content-type", "application/json")
            .header("webhook-id", &id)
            .header("webhook-timestamp", timestamp.to_string())
            .header("webhook-signature", signature)
            .body(claimed.payload.clone())
            .send()
            .await;
        let (status_code, error, response_body) = match answer {
            Ok(response) => {
                let status = response.status().as_u16();
                let body = response.text().await.unwrap_or_default();
                (Some(i32::from(status)), None, (!body.is_empty()).then(|| cut(&body, BODY_KEPT)))
            }
            Err(e) => (None, Some(cut(&failure(&e), ERROR_KEPT)), None),
        };
        let duration_ms = i64::try_from(started.elapsed().as_millis()).unwrap_or(i64::MAX);
        Some(Attempt { attempted_at, status_code, error, duration_ms, response_body })
    }
}

/// Keeps the attempt and moves the delivery and its endpoint on. An endpoint
/// failing for [`DISABLE_AFTER`] is switched off and its waiting deliveries given
/// up; one switched off since the claim gives its delivery up uncalled.
///
/// [`DISABLE_AFTER`]: aftersales_domain::webhooks::DISABLE_AFTER
async fn record(
    txn: &DatabaseTransaction,
    claimed: &Claimed,
    endpoint: &WebhookEndpoint,
    attempt: Option<Attempt>,
) -> Result<(), ApiError> {
    let Some(attempt) = attempt else {
        outbox::fail_pending_of(txn, endpoint.id, "the endpoint was switched off").await?;
        return Ok(());
    };
    let now = attempt.attempted_at;
    let taken = attempt.status_code.and_then(|s| u16::try_from(s).ok()).is_some_and(accepted);
    let outcome = next_step(taken, claimed.delivery.attempts + 1, now);
    outbox::record_attempt(txn, claimed.delivery.id, attempt, outcome).await?;
    endpoints::note_outcome(txn, endpoint.id, taken, now).await?;
    if !taken && should_disable(Some(endpoint.failing_since.unwrap_or(now)), now) {
        let why = "switched off after failing every attempt for five days";
        endpoints::disable(txn, endpoint.id, why, now).await?;
        outbox::fail_pending_of(txn, endpoint.id, why).await?;
    }
    Ok(())
}

/// After attempt number `attempts` (1 for the first): delivered, due again after
/// the schedule's wait, or given up once the schedule is spent.
fn next_step(accepted: bool, attempts: i32, now: DateTime<Utc>) -> Outcome {
    if accepted {
        return Outcome::Delivered;
    }
    match retry_wait(u32::try_from(attempts).unwrap_or(u32::MAX)) {
        Some(wait) => Outcome::RetryAt(now + wait),
        None => Outcome::GaveUp,
    }
}

/// Why a call failed, in words for the delivery log.
fn failure(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "no answer in time".into()
    } else if e.is_connect() {
        format!("could not connect: {e}")
    } else {
        e.to_string()
    }
}

/// The first `max` characters of `text`.
fn cut(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}
