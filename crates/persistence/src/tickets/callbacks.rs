//! The callback task of a ticket: created when the work is completed, done when
//! the customer has answered the script.
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::StoreError;
use crate::entities::ticket_callbacks::{ActiveModel, Column, Entity};

pub const PENDING: &str = "pending";
pub const DONE: &str = "done";

/// Creates the ticket's callback task due at `due_at`, unless it has one already
/// (a reopened ticket completed again keeps its first task).
pub async fn ensure_pending(
    db: &impl ConnectionTrait,
    ticket_id: Uuid,
    due_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    if Entity::find().filter(Column::TicketId.eq(ticket_id)).one(db).await?.is_some() {
        return Ok(());
    }
    ActiveModel {
        id: Set(Uuid::now_v7()),
        ticket_id: Set(ticket_id),
        due_at: Set(due_at),
        status: Set(PENDING.into()),
        attempts: Set(0),
        answers: Set(None),
        satisfaction_score: Set(None),
        contradictions: Set(None),
        notes: Set(None),
        done_by: Set(None),
        done_at: Set(None),
        created_at: Set(now),
        version: Set(1),
    }
    .insert(db)
    .await?;
    Ok(())
}

pub async fn is_done(db: &impl ConnectionTrait, ticket_id: Uuid) -> Result<bool, StoreError> {
    let row = Entity::find().filter(Column::TicketId.eq(ticket_id)).one(db).await?;
    Ok(row.is_some_and(|r| r.status == DONE))
}
