//! Reopen a closed ticket (admins only), saying why.
use actix_web::http::StatusCode;
use aftersales_api_types::tickets::{ReopenRequest, TicketDto};
use aftersales_domain::tickets::ReopenRefusal;
use aftersales_persistence::tickets::{self, events};
use aftersales_persistence::{DatabaseConnection, workflows};
use uuid::Uuid;

use super::ticket_out;
use crate::audit::{Change, snapshot};
use crate::error::ApiError;
use crate::use_cases::access::ticket_in_scope;
use crate::use_cases::{Actor, Begun, Once, Work};

/// The ticket goes back to `stage`, or to the stage it was in before it was closed.
pub async fn reopen(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    expected: Option<i64>,
    body: ReopenRequest,
) -> Result<Once<TicketDto>, ApiError> {
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let before = ticket_in_scope(work.db(), &actor.me, id).await?;
    let not_closed = || ApiError::Conflict(format!("ticket {} is not closed", before.number));
    if !before.is_sealed() {
        return Err(not_closed());
    }
    let workflow = workflows::get(work.db(), before.kind).await?.workflow;
    let stage_code = match body.stage {
        Some(code) => code.trim().to_owned(),
        None => events::stage_changes(work.db(), before.id.uuid())
            .await?
            .iter()
            .rev()
            .find(|e| e.to_value.as_deref() == Some(before.stage.as_str()))
            .and_then(|e| e.from_value.clone())
            .ok_or_else(|| ApiError::field("stage", "required", "the stage before closing is unknown; name one"))?,
    };
    let mut t = before.clone();
    let change = t.reopen(&workflow, &stage_code).map_err(|refusal| match refusal {
        ReopenRefusal::NotClosed => not_closed(),
        ReopenRefusal::NotAnOpenStage(code) => {
            ApiError::field("stage", "unknown_stage", format!("'{code}' is not an open stage of this workflow"))
        }
    })?;
    let saved = tickets::save(work.db(), before.version, expected, &t, work.now()).await?;
    let reason = body.reason.trim();
    let event = events::NewEvent {
        kind: "reopened",
        field: Some("stage"),
        from_value: Some(change.from.clone()),
        to_value: Some(change.to.clone()),
        note: Some(reason.to_owned()),
    };
    work.timeline(saved.id, event).await?;
    let moved = serde_json::json!({"from_stage": change.from, "to_stage": change.to, "reopened": true});
    let events = aftersales_domain::webhooks::events_of_stage_change(&change);
    crate::use_cases::webhooks::publish::ticket_news(&work, &events, &saved, moved).await?;
    work.audit(Change {
        action: "ticket.reopen",
        entity: "ticket",
        entity_id: saved.id.uuid(),
        branch_id: Some(saved.branch_id.uuid()),
        before: snapshot(&serde_json::json!({"stage": change.from})),
        after: snapshot(&serde_json::json!({"stage": change.to, "reason": reason})),
    })
    .await?;
    let out = ticket_out(&saved)?;
    work.finish(StatusCode::OK, out).await
}
