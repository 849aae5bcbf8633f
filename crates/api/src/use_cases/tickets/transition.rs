//! Move a ticket to another stage of its workflow: checked against the guards and
//! written in one transaction against the stage as it is now.
use actix_web::http::StatusCode;
use aftersales_api_types::FieldError;
use aftersales_api_types::tickets::{TicketDto, TransitionRequest};
use aftersales_domain::text::optional_text;
use aftersales_domain::tickets::StageCategory;
use aftersales_domain::tickets::workflow::Refusal;
use aftersales_domain::webhooks::events_of_stage_change;
use aftersales_persistence::tickets::{self, Ticket, callbacks, events};
use aftersales_persistence::{DatabaseConnection, settings, workflows};
use chrono::{Duration, SecondsFormat};
use uuid::Uuid;

use super::{facts, ticket_out};
use crate::audit::{Change, snapshot};
use crate::error::ApiError;
use crate::use_cases::access::{sealed, ticket_in_scope};
use crate::use_cases::followups::callback_out;
use crate::use_cases::webhooks::publish::ticket_news;
use crate::use_cases::{Actor, Begun, Once, Work};

/// Completing a ticket whose workflow asks for a callback creates the callback
/// task; completing it again makes a settled callback pending again, due anew.
pub async fn transition(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    expected: Option<i64>,
    body: TransitionRequest,
) -> Result<Once<TicketDto>, ApiError> {
    let me = &actor.me;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let before = ticket_in_scope(work.db(), me, id).await?;
    let workflow = workflows::get(work.db(), before.kind).await?.workflow;
    let mut known = facts::of_ticket(work.db(), &before).await?;
    let note = optional_text(body.note);
    known.note_given = note.is_some();
    let to = body.to.trim();

    let mut t = before.clone();
    let change =
        t.take_step(&workflow, to, &me.roles, &known, work.now()).map_err(|refusal| refused(&before, to, refusal))?;
    let saved = tickets::save(work.db(), before.version, expected, &t, work.now()).await?;
    let event = events::NewEvent {
        kind: "stage_changed",
        field: Some("stage"),
        from_value: Some(change.from.clone()),
        to_value: Some(change.to.clone()),
        note,
    };
    work.timeline(saved.id, event).await?;
    let moved = serde_json::json!({"from_stage": change.from, "to_stage": change.to});
    ticket_news(&work, &events_of_stage_change(&change), &saved, moved).await?;
    if change.to_category == StageCategory::Done && workflow.asks_for_callback() {
        let due = work.now() + Duration::hours(i64::from(settings::tickets(work.db()).await?.callback_due_hours));
        // Coming back into `done` from the work (not moving on within it, e.g.
        // completed → callback) means the work was completed again: it needs a new call.
        let ensured = callbacks::ensure_pending(
            work.db(),
            (saved.id.uuid(), saved.branch_id.uuid()),
            due,
            work.now(),
            change.completes_the_work(),
        )
        .await?;
        if let callbacks::Ensured::Reopened { earlier, reopened } = ensured {
            callback_reopened(&work, &saved, &earlier, &reopened).await?;
        }
    }
    work.audit(Change {
        action: "ticket.transition",
        entity: "ticket",
        entity_id: saved.id.uuid(),
        branch_id: Some(saved.branch_id.uuid()),
        before: snapshot(&serde_json::json!({"stage": change.from})),
        after: snapshot(&serde_json::json!({"stage": change.to})),
    })
    .await?;
    let out = ticket_out(&saved)?;
    work.finish(StatusCode::OK, out).await
}

/// Notes on the timeline and in the audit that a settled callback is due again.
/// The earlier call's answers are on the timeline already (`callback_recorded`,
/// `callback_attempted`, `callback_unreachable`).
async fn callback_reopened(
    work: &Work,
    ticket: &Ticket,
    earlier: &callbacks::Callback,
    reopened: &callbacks::Callback,
) -> Result<(), ApiError> {
    let due = reopened.due_at.to_rfc3339_opts(SecondsFormat::Secs, true);
    let event = events::NewEvent {
        kind: "callback_reopened",
        field: Some("callback"),
        from_value: Some(earlier.status.as_str().to_owned()),
        to_value: Some(reopened.status.as_str().to_owned()),
        note: Some(format!("the work was completed again: a new call is due by {due}")),
    };
    work.timeline(ticket.id, event).await?;
    let now = work.now();
    work.audit(Change {
        action: "callback.reopen",
        entity: "ticket_callback",
        entity_id: reopened.id,
        branch_id: Some(ticket.branch_id.uuid()),
        before: snapshot(&callback_out(earlier, &ticket.number, ticket.branch_id.uuid(), now)),
        after: snapshot(&callback_out(reopened, &ticket.number, ticket.branch_id.uuid(), now)),
    })
    .await
}

fn refused(ticket: &Ticket, to: &str, refusal: Refusal) -> ApiError {
    match refusal {
        Refusal::Sealed => sealed(ticket),
        Refusal::UnknownStage(stage) => {
            ApiError::field("to", "unknown_stage", format!("'{stage}' is not a stage of this ticket's workflow"))
        }
        Refusal::NoSuchTransition { from, to, allowed } => ApiError::Conflict(format!(
            "a ticket cannot go from '{from}' to '{to}'; from '{from}' it can go to: {}",
            if allowed.is_empty() { "nowhere".to_owned() } else { allowed.join(", ") }
        )),
        Refusal::RoleNotAllowed { .. } => ApiError::Forbidden("this step is reserved to other roles"),
        Refusal::GuardsFailed(guards) => ApiError::GuardsFailed {
            message: format!(
                "cannot move {} from '{}' to '{to}': {}",
                ticket.number,
                ticket.stage,
                guards.iter().map(|g| g.explain()).collect::<Vec<_>>().join("; ")
            ),
            guards: guards.iter().map(|g| FieldError::new(g.as_str(), "guard_failed", g.explain())).collect(),
        },
    }
}
