//! The callback task of a ticket: created when the work is completed, settled when
//! the customer has answered the script or could not be reached
//! (`aftersales_domain::tickets::callback::CallbackStatus::is_settled`).
use aftersales_domain::organisation::BranchScope;
use aftersales_domain::tickets::callback::CallbackStatus;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use uuid::Uuid;

use crate::branches::branches_in;
use crate::entities::ticket_callbacks::{ActiveModel, Column, Entity, Model};
use crate::entities::tickets;
use crate::versioned::{Expect, update_if_unchanged};
use crate::{StoreError, fetch_size};

#[derive(Debug, Clone, PartialEq)]
pub struct Callback {
    pub id: Uuid,
    pub ticket_id: Uuid,
    /// The ticket's branch.
    pub branch_id: Uuid,
    pub due_at: DateTime<Utc>,
    pub status: CallbackStatus,
    /// Unanswered calls so far.
    pub attempts: u32,
    /// Question code → answer, as recorded.
    pub answers: Option<serde_json::Value>,
    pub satisfaction_score: Option<i32>,
    /// Codes of what the answers contradict on the ticket.
    pub contradictions: Vec<String>,
    pub notes: Option<String>,
    pub done_by: Option<Uuid>,
    pub done_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub version: i64,
}

/// A callback with what a work list shows of its ticket.
#[derive(Debug, Clone, PartialEq)]
pub struct CallbackRow {
    pub callback: Callback,
    pub ticket_number: String,
    pub branch_id: Uuid,
}

fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(format!("ticket callback {what}"))
}

fn to_record(m: Model) -> Result<Callback, StoreError> {
    Ok(Callback {
        status: CallbackStatus::parse(&m.status).ok_or_else(|| corrupt("status"))?,
        attempts: u32::try_from(m.attempts).map_err(|_| corrupt("attempts"))?,
        answers: m.answers.as_deref().map(serde_json::from_str).transpose().map_err(|_| corrupt("answers"))?,
        contradictions: match m.contradictions.as_deref() {
            Some(text) => super::record::string_list(text)?,
            None => Vec::new(),
        },
        id: m.id,
        ticket_id: m.ticket_id,
        branch_id: m.branch_id,
        due_at: m.due_at,
        satisfaction_score: m.satisfaction_score,
        notes: m.notes,
        done_by: m.done_by,
        done_at: m.done_at,
        created_at: m.created_at,
        version: m.version,
    })
}

/// What [`ensure_pending`] did.
#[derive(Debug, Clone, PartialEq)]
pub enum Ensured {
    /// The ticket had no callback task: a pending one was created.
    Created(Callback),
    /// The task was left as it was (pending, or settled and not to be reopened).
    Kept(Callback),
    /// A settled task was reset to pending for another call.
    Reopened { earlier: Box<Callback>, reopened: Box<Callback> },
}

/// Makes sure the ticket has a callback task to work on after its work was
/// completed: creates a pending one due at `due_at` if it has none; when
/// `reopen_settled` (the work was completed again, e.g. after a callback sent the
/// unit back to the bench) a task already settled (done or unreachable) is reset to
/// pending, due at `due_at`, with no attempts, answers, score, contradictions, notes
/// or outcome — the earlier call stays on the ticket's timeline.
pub async fn ensure_pending(
    db: &impl ConnectionTrait,
    (ticket_id, branch_id): (Uuid, Uuid),
    due_at: DateTime<Utc>,
    now: DateTime<Utc>,
    reopen_settled: bool,
) -> Result<Ensured, StoreError> {
    if let Some(existing) = of_ticket(db, ticket_id).await? {
        if !(reopen_settled && existing.status.is_settled()) {
            return Ok(Ensured::Kept(existing));
        }
        let changes = ActiveModel {
            due_at: Set(due_at),
            status: Set(CallbackStatus::Pending.as_str().into()),
            attempts: Set(0),
            answers: Set(None),
            satisfaction_score: Set(None),
            contradictions: Set(None),
            notes: Set(None),
            done_by: Set(None),
            done_at: Set(None),
            version: Set(existing.version + 1),
            ..Default::default()
        };
        let expect = Expect {
            id: (Column::Id, existing.id),
            version: (Column::Version, existing.version),
            client_version: None,
        };
        update_if_unchanged(db, changes, expect).await?;
        let reopened = of_ticket(db, ticket_id).await?.ok_or(StoreError::NotFound)?;
        return Ok(Ensured::Reopened { earlier: Box::new(existing), reopened: Box::new(reopened) });
    }
    let created = ActiveModel {
        id: Set(Uuid::now_v7()),
        ticket_id: Set(ticket_id),
        branch_id: Set(branch_id),
        due_at: Set(due_at),
        status: Set(CallbackStatus::Pending.as_str().into()),
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
    Ok(Ensured::Created(to_record(created)?))
}

pub async fn of_ticket(db: &impl ConnectionTrait, ticket_id: Uuid) -> Result<Option<Callback>, StoreError> {
    Entity::find().filter(Column::TicketId.eq(ticket_id)).one(db).await?.map(to_record).transpose()
}

/// The `callback_done` guard: answered, or the customer could not be reached.
pub async fn is_done(db: &impl ConnectionTrait, ticket_id: Uuid) -> Result<bool, StoreError> {
    Ok(of_ticket(db, ticket_id).await?.is_some_and(|c| c.status.is_settled()))
}

/// Writes the task as changed by the caller (status, attempts, answers, outcome),
/// if nobody changed it since it was read.
pub async fn save(db: &impl ConnectionTrait, c: &Callback) -> Result<Callback, StoreError> {
    let changes = ActiveModel {
        status: Set(c.status.as_str().into()),
        attempts: Set(i32::try_from(c.attempts).unwrap_or(i32::MAX)),
        answers: Set(c.answers.as_ref().map(ToString::to_string)),
        satisfaction_score: Set(c.satisfaction_score),
        contradictions: Set(
            (!c.contradictions.is_empty()).then(|| serde_json::to_string(&c.contradictions).unwrap_or_default())
        ),
        notes: Set(c.notes.clone()),
        done_by: Set(c.done_by),
        done_at: Set(c.done_at),
        version: Set(c.version + 1),
        ..Default::default()
    };
    update_if_unchanged(
        db,
        changes,
        Expect { id: (Column::Id, c.id), version: (Column::Version, c.version), client_version: None },
    )
    .await?;
    Entity::find_by_id(c.id).one(db).await?.map(to_record).transpose()?.ok_or(StoreError::NotFound)
}

#[derive(Debug, Clone, Default)]
pub struct CallbackFilter {
    pub status: Option<CallbackStatus>,
    /// `Some(true)`: pending and past due; `Some(false)`: everything else.
    pub overdue: Option<bool>,
    /// Only tickets of this branch (within the scope).
    pub branch_id: Option<Uuid>,
    /// Only the calls of this agent.
    pub done_by: Option<Uuid>,
    /// Keyset cursor: due time and id of the last task of the previous page.
    pub after: Option<(DateTime<Utc>, Uuid)>,
    pub limit: u32,
}

/// The callback tasks `f` picks (all but its cursor and limit), within the scope:
/// by the task's own `branch_id`, the ticket's, so that no ticket is read.
fn filtered(scope: &BranchScope, f: &CallbackFilter, now: DateTime<Utc>) -> sea_orm::Select<Entity> {
    let mut query = Entity::find().filter(Column::BranchId.in_subquery(branches_in(scope)));
    if let Some(id) = f.branch_id {
        query = query.filter(Column::BranchId.eq(id));
    }
    if let Some(agent) = f.done_by {
        query = query.filter(Column::DoneBy.eq(agent));
    }
    if let Some(status) = f.status {
        query = query.filter(Column::Status.eq(status.as_str()));
    }
    let overdue = Condition::all().add(Column::Status.eq(CallbackStatus::Pending.as_str())).add(Column::DueAt.lt(now));
    match f.overdue {
        Some(true) => query = query.filter(overdue),
        Some(false) => query = query.filter(overdue.not()),
        None => {}
    }
    query
}

/// How many callback tasks `f` picks (its cursor and limit aside).
pub async fn count(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    f: &CallbackFilter,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    Ok(filtered(scope, f, now).count(db).await?)
}

/// Callback tasks of tickets within the scope, the earliest due first.
pub async fn list(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    f: CallbackFilter,
    now: DateTime<Utc>,
) -> Result<Vec<CallbackRow>, StoreError> {
    let mut query = filtered(scope, &f, now);
    query = query.filter(crate::after_key(Column::DueAt, Column::Id, f.after));
    let rows = query.order_by_asc(Column::DueAt).order_by_asc(Column::Id).limit(fetch_size(f.limit)).all(db).await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.ticket_id).collect();
    let owners = tickets::Entity::find().filter(tickets::Column::Id.is_in(ids)).all(db).await?;
    rows.into_iter()
        .map(|row| {
            let ticket = owners.iter().find(|t| t.id == row.ticket_id).ok_or_else(|| corrupt("without its ticket"))?;
            Ok(CallbackRow {
                ticket_number: ticket.number.clone(),
                branch_id: row.branch_id,
                callback: to_record(row)?,
            })
        })
        .collect()
}
