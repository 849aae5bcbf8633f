//! The unit of work: one write transaction per use case, with everything that
//! must commit or roll back together with the change itself — the kept answer of
//! a request sent with an `Idempotency-Key`, the ticket's timeline events and the
//! audit rows. A use case begins one, changes data through the repositories on
//! [`Work::db`], notes what happened, and finishes it once.
use std::sync::LazyLock;
use std::sync::atomic::{AtomicBool, Ordering};

use actix_web::http::StatusCode;
use aftersales_domain::ids::TicketId;
use aftersales_domain::webhooks::WebhookEvent;
use aftersales_persistence::idempotency::{self, StoredAnswer};
use aftersales_persistence::tickets::events::{self, NewEvent};
use aftersales_persistence::webhooks::outbox;
use aftersales_persistence::{DatabaseConnection, DatabaseTransaction, DbBackend, begin_write};
use chrono::{DateTime, Utc};
use serde::Serialize;
use tokio::sync::{Mutex, MutexGuard};
use uuid::Uuid;

use crate::audit::{self, Change};
use crate::auth::Principal;
use crate::auth::refresh::hash_token;
use crate::error::ApiError;
use crate::extract::RequestId;
use crate::idempotency::{HEADER, IdempotencyKey, KEEP_HOURS};

/// Who acts, and in which request: what every use case is called with, whether
/// from a staff handler, the partner API, an order sync or an import.
pub struct Actor {
    pub me: Principal,
    /// Stamped on the audit rows (the `x-request-id` of an HTTP request).
    pub request_id: RequestId,
    /// The client's name for this request, to answer a retry with the first answer.
    pub retry_key: IdempotencyKey,
}

impl Actor {
    pub fn new(me: Principal, request_id: RequestId, retry_key: IdempotencyKey) -> Self {
        Actor { me, request_id, retry_key }
    }

    /// An actor whose requests are never retried by key (a plain staff write).
    pub fn once(me: Principal, request_id: RequestId) -> Self {
        Actor { me, request_id, retry_key: IdempotencyKey::none() }
    }

    pub fn user_id(&self) -> Uuid {
        self.me.user_id
    }
}

/// What a retryable use case answers: the fresh result, or the answer kept from
/// the first time the same request was sent under the same key.
pub enum Once<T> {
    Done(T),
    Replayed(StoredAnswer),
}

impl<T: serde::de::DeserializeOwned> Once<T> {
    /// The answer as a value, for a caller without HTTP in between (the partner
    /// channel, an order sync, a test): the fresh one, or the kept one read back.
    pub fn into_value(self) -> Result<T, ApiError> {
        match self {
            Once::Done(value) => Ok(value),
            Once::Replayed(first) => serde_json::from_str(&first.body).map_err(|e| ApiError::Internal(e.into())),
        }
    }
}

/// A begun retryable write: either the work to do, or the first answer again.
pub enum Begun {
    Fresh(Work),
    Replayed(StoredAnswer),
}

/// The request a retry is recognised by: its key, and the hash of its method,
/// target and body.
struct Retry {
    key: String,
    request_hash: String,
}

/// SQLite lets one transaction write at a time. Writers of this process queue here,
/// first come first served, instead of sleeping and retrying in SQLite's busy
/// handler, where a late writer can overtake one that has waited a second (intake's
/// p99 under load was a full second). Waiting here holds no pooled connection, so
/// readers go on. PostgreSQL locks rows, not the database: its writers need no queue.
static SQLITE_WRITERS: LazyLock<Mutex<()>> = LazyLock::new(|| Mutex::new(()));

pub struct Work {
    txn: DatabaseTransaction,
    actor_id: Uuid,
    request_id: RequestId,
    retry: Option<Retry>,
    now: DateTime<Utc>,
    /// Whether webhook events were written, to wake the dispatcher on commit.
    published: AtomicBool,
    /// This writer's turn on SQLite, held until the transaction ends (declared
    /// last, so it is given up after the transaction is).
    _turn: Option<MutexGuard<'static, ()>>,
}

/// This process's turn to write, on SQLite (see [`SQLITE_WRITERS`]); none needed
/// on PostgreSQL. Also taken by background writers such as the webhook dispatcher.
pub(crate) async fn writer_turn(db: &DatabaseConnection) -> Option<MutexGuard<'static, ()>> {
    match db.get_database_backend() {
        DbBackend::Sqlite => Some(SQLITE_WRITERS.lock().await),
        _ => None,
    }
}

impl Work {
    /// Begins a write that is not recognised on retry.
    pub async fn begin(db: &DatabaseConnection, actor: &Actor) -> Result<Work, ApiError> {
        let turn = writer_turn(db).await;
        Ok(Work {
            txn: begin_write(db).await?,
            actor_id: actor.user_id(),
            request_id: actor.request_id.clone(),
            retry: None,
            now: Utc::now(),
            published: AtomicBool::new(false),
            _turn: turn,
        })
    }

    /// Begins a write that a client may send again with the same `Idempotency-Key`:
    /// the same request (method, path with query, and `body`) gets the first
    /// answer back (422 when the key was used for a different request). A second
    /// request with the key while the first is under way waits for it to finish
    /// (`idempotency::lock_and_find`), then replays its answer, or does the work if
    /// the first failed and so kept nothing.
    ///
    /// `body` is what the request asks, as the use case received it (re-serialised,
    /// so spacing and key order do not matter); an upload passes its file's hash.
    pub async fn begin_retryable(
        db: &DatabaseConnection,
        actor: &Actor,
        body: &impl Serialize,
    ) -> Result<Begun, ApiError> {
        let mut work = Work::begin(db, actor).await?;
        let Some(key) = &actor.retry_key.key else { return Ok(Begun::Fresh(work)) };
        let request_hash = request_hash(&actor.retry_key.request, body);
        if let Some(stored) = idempotency::lock_and_find(&work.txn, work.actor_id, key).await? {
            if stored.request_hash != request_hash {
                return Err(ApiError::field(HEADER, "reused", "this key was used for a different request"));
            }
            return Ok(Begun::Replayed(stored));
        }
        work.retry = Some(Retry { key: key.clone(), request_hash });
        Ok(Begun::Fresh(work))
    }

    /// The transaction, for the repositories.
    pub fn db(&self) -> &DatabaseTransaction {
        &self.txn
    }

    /// The one instant the whole change happens at.
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    pub fn actor_id(&self) -> Uuid {
        self.actor_id
    }

    /// Appends an event to a ticket's timeline, by the actor, now.
    pub async fn timeline(&self, ticket_id: TicketId, event: NewEvent<'_>) -> Result<(), ApiError> {
        events::append(&self.txn, ticket_id.uuid(), Some(self.actor_id), self.now, event).await?;
        Ok(())
    }

    /// Writes an audit row for the change, by the actor, in this request.
    pub async fn audit(&self, change: Change<'_>) -> Result<(), ApiError> {
        audit::record(&self.txn, Some(self.actor_id), &self.request_id, change).await
    }

    /// Writes a webhook event to the outbox for these endpoints, in this
    /// transaction: the message body is `{"type", "timestamp", "data"}`, and the
    /// event's id is the `webhook-id` every attempt carries.
    pub async fn publish(
        &self,
        event: WebhookEvent,
        data: serde_json::Value,
        endpoint_ids: &[Uuid],
    ) -> Result<Vec<Uuid>, ApiError> {
        if endpoint_ids.is_empty() {
            return Ok(Vec::new());
        }
        let message = serde_json::json!({
            "type": event.as_str(),
            "timestamp": self.now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            "data": data,
        });
        let new = outbox::NewEvent { id: Uuid::now_v7(), event_type: event.as_str(), payload: message.to_string() };
        let deliveries = outbox::enqueue(&self.txn, new, endpoint_ids, self.now).await?;
        self.mark_published();
        Ok(deliveries)
    }

    /// Wakes the webhook dispatcher when this change commits: it made deliveries due.
    pub fn mark_published(&self) {
        self.published.store(true, Ordering::Relaxed);
    }

    /// Commits a change whose request is not retried by key.
    pub async fn commit(self) -> Result<(), ApiError> {
        let published = self.published.load(Ordering::Relaxed);
        self.txn.commit().await?;
        if published {
            crate::use_cases::webhooks::dispatch::wake();
        }
        Ok(())
    }

    /// Keeps `answer` under the request's key (if it came with one), answered
    /// with `status`, and commits.
    pub async fn finish<T: Serialize>(self, status: StatusCode, answer: T) -> Result<Once<T>, ApiError> {
        if let Some(retry) = &self.retry {
            let body = serde_json::to_string(&answer).map_err(|e| ApiError::Internal(e.into()))?;
            let kept = StoredAnswer { request_hash: retry.request_hash.clone(), status: status.as_u16(), body };
            idempotency::store(&self.txn, self.actor_id, &retry.key, kept, self.now).await?;
        }
        self.commit().await?;
        Ok(Once::Done(answer))
    }
}

/// What identifies a request for replay: its method and target (`POST /api/v1/…`)
/// and its body.
fn request_hash(request: &str, body: &impl Serialize) -> String {
    let text = serde_json::to_string(body).unwrap_or_default();
    hash_token(&format!("{request}\n{text}"))
}

/// Forgets the answers kept longer than [`KEEP_HOURS`] before `now`: a retry
/// after that is a new request. Run in the background by the server.
pub async fn forget_old_answers(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<u64, ApiError> {
    Ok(idempotency::purge_before(db, now - chrono::Duration::hours(KEEP_HOURS)).await?)
}
