//! The outbox: events written in the transaction of the change they tell of,
//! one delivery per subscribed endpoint, claimed by dispatchers under a lease.
//!
//! A claim sets `claimed_until`; a dispatcher that dies holding deliveries only
//! delays them until the lease ends. On PostgreSQL the claim skips rows another
//! process is claiming (`FOR UPDATE SKIP LOCKED`), so two processes never take
//! the same delivery; SQLite has one writer at a time, which does the same.
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, LockBehavior, LockType, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, Order, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use uuid::Uuid;

use crate::entities::{webhook_attempts, webhook_deliveries, webhook_events};
use crate::{StoreError, fetch_size};

/// An event to send to some endpoints.
pub struct NewEvent {
    pub id: Uuid,
    pub event_type: &'static str,
    /// The message body, JSON.
    pub payload: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliveryStatus {
    Pending,
    Delivered,
    /// The retry schedule ran out, or the endpoint was switched off.
    Failed,
}

impl DeliveryStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryStatus::Pending => "pending",
            DeliveryStatus::Delivered => "delivered",
            DeliveryStatus::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [DeliveryStatus::Pending, DeliveryStatus::Delivered, DeliveryStatus::Failed]
            .into_iter()
            .find(|d| d.as_str() == s)
    }
}

/// One event on its way to one endpoint.
#[derive(Debug, Clone)]
pub struct Delivery {
    pub id: Uuid,
    pub event_id: Uuid,
    pub endpoint_id: Uuid,
    pub event_type: String,
    pub status: DeliveryStatus,
    pub attempts: i32,
    pub next_attempt_at: DateTime<Utc>,
    pub delivered_at: Option<DateTime<Utc>>,
    pub last_status: Option<i32>,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A delivery a dispatcher holds, with what it needs to send it.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub delivery: Delivery,
    pub payload: String,
}

/// One call to a receiver, as the log keeps it.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub attempted_at: DateTime<Utc>,
    pub status_code: Option<i32>,
    pub error: Option<String>,
    pub duration_ms: i64,
    pub response_body: Option<String>,
}

/// What becomes of a delivery after an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Delivered,
    RetryAt(DateTime<Utc>),
    GaveUp,
}

/// Writes the event and a pending delivery to each endpoint, due now; in the
/// caller's transaction, so the event exists exactly when the change does.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    event: NewEvent,
    endpoint_ids: &[Uuid],
    now: DateTime<Utc>,
) -> Result<Vec<Uuid>, StoreError> {
    if endpoint_ids.is_empty() {
        return Ok(Vec::new());
    }
    webhook_events::ActiveModel {
        id: Set(event.id),
        event_type: Set(event.event_type.into()),
        payload: Set(event.payload),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    let deliveries: Vec<_> = endpoint_ids
        .iter()
        .map(|endpoint_id| webhook_deliveries::ActiveModel {
            id: Set(Uuid::now_v7()),
            event_id: Set(event.id),
            endpoint_id: Set(*endpoint_id),
            status: Set(DeliveryStatus::Pending.as_str().into()),
            attempts: Set(0),
            next_attempt_at: Set(now),
            claimed_until: Set(None),
            delivered_at: Set(None),
            last_status: Set(None),
            last_error: Set(None),
            created_at: Set(now),
        })
        .collect();
    let ids = deliveries.iter().map(|d| *d.id.as_ref()).collect();
    webhook_deliveries::Entity::insert_many(deliveries).exec(db).await?;
    Ok(ids)
}

/// Takes up to `limit` deliveries that are due and held by nobody, until
/// `lease_until`, the earliest due first.
pub async fn claim_due(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    lease_until: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<Claimed>, StoreError> {
    use webhook_deliveries::Column;
    let due = Query::select()
        .column(Column::Id)
        .from(webhook_deliveries::Entity)
        .and_where(Column::Status.eq(DeliveryStatus::Pending.as_str()))
        .and_where(Column::NextAttemptAt.lte(now))
        .cond_where(Condition::any().add(Column::ClaimedUntil.is_null()).add(Column::ClaimedUntil.lt(now)))
        .order_by(Column::NextAttemptAt, Order::Asc)
        .limit(limit)
        .lock_with_behavior(LockType::Update, LockBehavior::SkipLocked)
        .to_owned();
    let claimed = webhook_deliveries::Entity::update_many()
        .col_expr(Column::ClaimedUntil, Expr::value(lease_until))
        .filter(Column::Id.in_subquery(due))
        .exec_with_returning(db)
        .await?;
    with_events(db, claimed).await
}

async fn with_events(
    db: &impl ConnectionTrait,
    rows: Vec<webhook_deliveries::Model>,
) -> Result<Vec<Claimed>, StoreError> {
    let event_ids: Vec<Uuid> = rows.iter().map(|r| r.event_id).collect();
    let events = webhook_events::Entity::find().filter(webhook_events::Column::Id.is_in(event_ids)).all(db).await?;
    rows.into_iter()
        .map(|row| {
            let event = events
                .iter()
                .find(|e| e.id == row.event_id)
                .ok_or_else(|| StoreError::Corrupt(format!("webhook delivery {} has no event", row.id)))?;
            Ok(Claimed { payload: event.payload.clone(), delivery: to_delivery(row, &event.event_type)? })
        })
        .collect()
}

fn to_delivery(m: webhook_deliveries::Model, event_type: &str) -> Result<Delivery, StoreError> {
    Ok(Delivery {
        status: DeliveryStatus::parse(&m.status)
            .ok_or_else(|| StoreError::Corrupt(format!("webhook delivery {} status", m.id)))?,
        event_type: event_type.into(),
        id: m.id,
        event_id: m.event_id,
        endpoint_id: m.endpoint_id,
        attempts: m.attempts,
        next_attempt_at: m.next_attempt_at,
        delivered_at: m.delivered_at,
        last_status: m.last_status,
        last_error: m.last_error,
        created_at: m.created_at,
    })
}

/// Keeps the attempt in the log and moves the delivery on: delivered, due again
/// later, or given up; the claim ends either way.
pub async fn record_attempt(
    db: &impl ConnectionTrait,
    delivery_id: Uuid,
    attempt: Attempt,
    outcome: Outcome,
) -> Result<(), StoreError> {
    use webhook_deliveries::Column;
    webhook_attempts::ActiveModel {
        id: Set(Uuid::now_v7()),
        delivery_id: Set(delivery_id),
        attempted_at: Set(attempt.attempted_at),
        status_code: Set(attempt.status_code),
        error: Set(attempt.error.clone()),
        duration_ms: Set(attempt.duration_ms),
        response_body: Set(attempt.response_body),
    }
    .insert(db)
    .await?;
    let (status, next, delivered_at) = match outcome {
        Outcome::Delivered => (DeliveryStatus::Delivered, attempt.attempted_at, Some(attempt.attempted_at)),
        Outcome::RetryAt(at) => (DeliveryStatus::Pending, at, None),
        Outcome::GaveUp => (DeliveryStatus::Failed, attempt.attempted_at, None),
    };
    webhook_deliveries::Entity::update_many()
        .col_expr(Column::Status, Expr::value(status.as_str()))
        .col_expr(Column::Attempts, Expr::col(Column::Attempts).add(1))
        .col_expr(Column::NextAttemptAt, Expr::value(next))
        .col_expr(Column::ClaimedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(Column::DeliveredAt, Expr::value(delivered_at))
        .col_expr(Column::LastStatus, Expr::value(attempt.status_code))
        .col_expr(Column::LastError, Expr::value(attempt.error))
        .filter(Column::Id.eq(delivery_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Gives up the endpoint's waiting deliveries (it was switched off).
pub async fn fail_pending_of(db: &impl ConnectionTrait, endpoint_id: Uuid, why: &str) -> Result<u64, StoreError> {
    use webhook_deliveries::Column;
    let result = webhook_deliveries::Entity::update_many()
        .col_expr(Column::Status, Expr::value(DeliveryStatus::Failed.as_str()))
        .col_expr(Column::LastError, Expr::value(why))
        .col_expr(Column::ClaimedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .filter(Column::EndpointId.eq(endpoint_id))
        .filter(Column::Status.eq(DeliveryStatus::Pending.as_str()))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// Sends a delivery again from the start of the schedule, due now.
pub async fn replay(db: &impl ConnectionTrait, delivery_id: Uuid, now: DateTime<Utc>) -> Result<Delivery, StoreError> {
    use webhook_deliveries::Column;
    webhook_deliveries::Entity::update_many()
        .col_expr(Column::Status, Expr::value(DeliveryStatus::Pending.as_str()))
        .col_expr(Column::Attempts, Expr::value(0))
        .col_expr(Column::NextAttemptAt, Expr::value(now))
        .col_expr(Column::ClaimedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(Column::DeliveredAt, Expr::value(Option::<DateTime<Utc>>::None))
        .filter(Column::Id.eq(delivery_id))
        .exec(db)
        .await?;
    find(db, delivery_id).await
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Delivery, StoreError> {
    let row = webhook_deliveries::Entity::find_by_id(id).one(db).await?.ok_or(StoreError::NotFound)?;
    let event = webhook_events::Entity::find_by_id(row.event_id).one(db).await?.ok_or(StoreError::NotFound)?;
    to_delivery(row, &event.event_type)
}

/// The event's message body, as sent.
pub async fn payload_of(db: &impl ConnectionTrait, event_id: Uuid) -> Result<String, StoreError> {
    let event = webhook_events::Entity::find_by_id(event_id).one(db).await?.ok_or(StoreError::NotFound)?;
    Ok(event.payload)
}

/// An endpoint's deliveries, newest first; keyset before `before`.
pub async fn of_endpoint(
    db: &impl ConnectionTrait,
    endpoint_id: Uuid,
    status: Option<DeliveryStatus>,
    before: Option<Uuid>,
    limit: u32,
) -> Result<Vec<Delivery>, StoreError> {
    use webhook_deliveries::Column;
    let mut query = webhook_deliveries::Entity::find().filter(Column::EndpointId.eq(endpoint_id));
    if let Some(status) = status {
        query = query.filter(Column::Status.eq(status.as_str()));
    }
    if let Some(before) = before {
        query = query.filter(Column::Id.lt(before));
    }
    let rows = query.order_by_desc(Column::Id).limit(fetch_size(limit)).all(db).await?;
    let event_ids: Vec<Uuid> = rows.iter().map(|r| r.event_id).collect();
    let types: Vec<(Uuid, String)> = webhook_events::Entity::find()
        .select_only()
        .column(webhook_events::Column::Id)
        .column(webhook_events::Column::EventType)
        .filter(webhook_events::Column::Id.is_in(event_ids))
        .into_tuple()
        .all(db)
        .await?;
    rows.into_iter()
        .map(|row| {
            let event_type =
                types.iter().find(|(id, _)| *id == row.event_id).map(|(_, t)| t.clone()).unwrap_or_default();
            to_delivery(row, &event_type)
        })
        .collect()
}

/// A delivery's attempts, oldest first.
pub async fn attempts_of(db: &impl ConnectionTrait, delivery_id: Uuid) -> Result<Vec<Attempt>, StoreError> {
    let rows = webhook_attempts::Entity::find()
        .filter(webhook_attempts::Column::DeliveryId.eq(delivery_id))
        .order_by_asc(webhook_attempts::Column::AttemptedAt)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|a| Attempt {
            attempted_at: a.attempted_at,
            status_code: a.status_code,
            error: a.error,
            duration_ms: a.duration_ms,
            response_body: a.response_body,
        })
        .collect())
}
