//! Returns and exchanges asked for on an order, each with its return/exchange
//! ticket and, once the unit is inspected, the network's decision.
use aftersales_domain::orders::{ReturnKind, ReturnOutcome};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use crate::entities::order_returns::{self, Column, Entity};
use crate::versioned::{Expect, update_if_unchanged};
use crate::{StoreError, fetch_size};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderReturn {
    pub id: Uuid,
    pub order_id: Uuid,
    pub line_id: Uuid,
    pub kind: ReturnKind,
    pub reason: String,
    pub ticket_id: Uuid,
    pub decision: Option<ReturnDecision>,
    pub created_at: DateTime<Utc>,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnDecision {
    pub outcome: ReturnOutcome,
    pub warehouse_id: Option<Uuid>,
    pub exchange_serial_id: Option<Uuid>,
    pub note: Option<String>,
    pub decided_at: DateTime<Utc>,
    pub decided_by: Option<Uuid>,
}

pub struct NewReturn {
    pub order_id: Uuid,
    pub line_id: Uuid,
    pub kind: ReturnKind,
    pub reason: String,
    pub ticket_id: Uuid,
}

fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(format!("order return {what}"))
}

fn to_return(m: order_returns::Model) -> Result<OrderReturn, StoreError> {
    let decision = match (m.outcome.as_deref(), m.decided_at) {
        (Some(outcome), Some(decided_at)) => Some(ReturnDecision {
            outcome: ReturnOutcome::parse(outcome).ok_or_else(|| corrupt("outcome"))?,
            warehouse_id: m.warehouse_id,
            exchange_serial_id: m.exchange_serial_id,
            note: m.decision_note,
            decided_at,
            decided_by: m.decided_by,
        }),
        _ => None,
    };
    Ok(OrderReturn {
        kind: ReturnKind::parse(&m.kind).ok_or_else(|| corrupt("kind"))?,
        id: m.id,
        order_id: m.order_id,
        line_id: m.line_id,
        reason: m.reason,
        ticket_id: m.ticket_id,
        decision,
        created_at: m.created_at,
        version: m.version,
    })
}

pub async fn insert_return(
    db: &impl ConnectionTrait,
    new: NewReturn,
    now: DateTime<Utc>,
) -> Result<OrderReturn, StoreError> {
    let row = order_returns::ActiveModel {
        id: Set(Uuid::now_v7()),
        order_id: Set(new.order_id),
        line_id: Set(new.line_id),
        kind: Set(new.kind.as_str().to_owned()),
        reason: Set(new.reason),
        ticket_id: Set(new.ticket_id),
        outcome: Set(None),
        warehouse_id: Set(None),
        exchange_serial_id: Set(None),
        decision_note: Set(None),
        decided_at: Set(None),
        decided_by: Set(None),
        created_at: Set(now),
        version: Set(1),
    }
    .insert(db)
    .await?;
    to_return(row)
}

pub async fn find_return(db: &impl ConnectionTrait, id: Uuid) -> Result<OrderReturn, StoreError> {
    Entity::find_by_id(id).one(db).await?.map(to_return).transpose()?.ok_or(StoreError::NotFound)
}

/// The order's returns and exchanges, oldest first.
pub async fn returns_of(db: &impl ConnectionTrait, order_id: Uuid) -> Result<Vec<OrderReturn>, StoreError> {
    let rows = Entity::find().filter(Column::OrderId.eq(order_id)).order_by_asc(Column::Id).all(db).await?;
    rows.into_iter().map(to_return).collect()
}

/// The units kept in a returns warehouse, newest first; keyset after `after_id`.
pub async fn kept_in(
    db: &impl ConnectionTrait,
    warehouse_id: Uuid,
    after_id: Option<Uuid>,
    limit: u32,
) -> Result<Vec<OrderReturn>, StoreError> {
    let mut query = Entity::find().filter(Column::WarehouseId.eq(warehouse_id));
    if let Some(id) = after_id {
        query = query.filter(Column::Id.lt(id));
    }
    let rows = query.order_by_desc(Column::Id).limit(fetch_size(limit)).all(db).await?;
    rows.into_iter().map(to_return).collect()
}

/// Records the decision if the return is still at the version read (so two
/// people deciding at once cannot both win).
pub async fn decide(
    db: &impl ConnectionTrait,
    current: &OrderReturn,
    decision: ReturnDecision,
    expected_version: Option<i64>,
) -> Result<OrderReturn, StoreError> {
    let row = order_returns::ActiveModel {
        id: Set(current.id),
        outcome: Set(Some(decision.outcome.as_str().to_owned())),
        warehouse_id: Set(decision.warehouse_id),
        exchange_serial_id: Set(decision.exchange_serial_id),
        decision_note: Set(decision.note),
        decided_at: Set(Some(decision.decided_at)),
        decided_by: Set(decision.decided_by),
        version: Set(current.version + 1),
        ..Default::default()
    };
    let expect = Expect {
        id: (Column::Id, current.id),
        version: (Column::Version, current.version),
        client_version: expected_version,
    };
    update_if_unchanged(db, row, expect).await?;
    find_return(db, current.id).await
}
