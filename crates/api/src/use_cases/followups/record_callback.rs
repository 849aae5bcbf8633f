//! Record a call to the customer: their answers to the script, or that nobody answered.
use actix_web::http::StatusCode;
use aftersales_api_types::followups::{CallbackDto, RecordCallback};
use aftersales_domain::text::optional_text;
use aftersales_domain::tickets::callback::{
    Answer, CallbackStatus, MAX_CALL_ATTEMPTS, TicketSide, after_unanswered_call, contradictions, customer_charges,
    satisfaction,
};
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::tickets::callbacks::{self, Callback};
use aftersales_persistence::tickets::{self, Ticket, events, labour};
use serde_json::Value;
use uuid::Uuid;

use super::answers::{answer_value, read_answers};
use super::callback_out;
use crate::audit::{Change, snapshot};
use crate::error::ApiError;
use crate::use_cases::access::{refuse_if_sealed, ticket_in_scope};
use crate::use_cases::{Actor, Begun, Once, Work};

/// `reached: true` stores the answers, the satisfaction score on the ticket and
/// flags a ticket the answers contradict; `reached: false` counts an unanswered
/// call (after three the customer is unreachable, which settles the callback).
/// `expected` is the ticket's version the client read.
pub async fn record(
    db: &DatabaseConnection,
    actor: &Actor,
    ticket_id: Uuid,
    expected: Option<i64>,
    body: RecordCallback,
) -> Result<Once<CallbackDto>, ApiError> {
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let notes = optional_text(body.notes);
    let now = work.now();
    let ticket = ticket_in_scope(work.db(), &actor.me, ticket_id).await?;
    refuse_if_sealed(&ticket)?;
    let before = callbacks::of_ticket(work.db(), ticket.id.uuid()).await?.ok_or_else(|| {
        ApiError::Conflict(format!("ticket {} is not completed: it has no callback to make yet", ticket.number))
    })?;
    if before.status.is_settled() {
        return Err(ApiError::Conflict(format!(
            "the callback of ticket {} is already {}",
            ticket.number,
            before.status.as_str()
        )));
    }
    let mut c = before.clone();
    c.notes = notes.clone().or(c.notes);
    let (action, ticket) = if body.reached {
        let answers = read_answers(&body.answers)?;
        if expected.is_some_and(|v| v != ticket.version) {
            return Err(ApiError::PreconditionFailed);
        }
        ("callback.record", record_answers(&work, ticket, &mut c, &answers, notes.as_deref()).await?)
    } else {
        if !body.answers.is_empty() {
            return Err(ApiError::field("answers", "not_reached", "a customer who was not reached gave no answers"));
        }
        if expected.is_some_and(|v| v != ticket.version) {
            return Err(ApiError::PreconditionFailed);
        }
        let (attempts, status) = after_unanswered_call(c.attempts);
        c.attempts = attempts;
        c.status = status;
        if status.is_settled() {
            c.done_by = Some(actor.user_id());
            c.done_at = Some(now);
        }
        let kind = if status == CallbackStatus::Unreachable { "callback_unreachable" } else { "callback_attempted" };
        let said = format!("call {attempts} of {MAX_CALL_ATTEMPTS} unanswered");
        let note = Some(notes.map_or(said.clone(), |n| format!("{said}: {n}")));
        work.timeline(ticket.id, events::NewEvent { note, ..events::NewEvent::kind(kind) }).await?;
        ("callback.attempt", ticket)
    };
    let saved = callbacks::save(work.db(), &c).await?;
    let out = callback_out(&saved, &ticket.number, ticket.branch_id.uuid(), now);
    work.audit(Change {
        action,
        entity: "ticket_callback",
        entity_id: saved.id,
        branch_id: Some(ticket.branch_id.uuid()),
        before: snapshot(&callback_out(&before, &ticket.number, ticket.branch_id.uuid(), now)),
        after: snapshot(&out),
    })
    .await?;
    work.finish(StatusCode::OK, out).await
}

/// Stores the answers on the task and their consequences on the ticket.
async fn record_answers(
    work: &Work,
    ticket: Ticket,
    c: &mut Callback,
    answers: &[(String, Answer)],
    notes: Option<&str>,
) -> Result<Ticket, ApiError> {
    let (actor, now) = (work.actor_id(), work.now());
    let billed = labour::billed_lines(work.db(), ticket.id.uuid()).await?;
    let side = TicketSide {
        warranty: ticket.warranty_status,
        customer_billed: !customer_charges(ticket.warranty_status, &billed).non_zero().is_empty(),
    };
    let found: Vec<&str> = contradictions(answers, side).into_iter().map(|x| x.code()).collect();
    let score = satisfaction(answers).map(i32::from);
    c.status = CallbackStatus::Done;
    c.answers = Some(Value::Object(answers.iter().map(|(code, a)| (code.clone(), answer_value(a))).collect()));
    c.satisfaction_score = score;
    c.contradictions = found.iter().map(|s| (*s).to_owned()).collect();
    c.done_by = Some(actor);
    c.done_at = Some(now);

    let mut t = ticket.clone();
    t.satisfaction_score = score;
    t.flag_contradiction = t.flag_contradiction || !found.is_empty();
    let saved = tickets::save(work.db(), ticket.version, None, &t, now).await?;
    // The answers go on the timeline too: a callback made again after the work is
    // redone starts from a clean task, and this is what stays of the earlier call.
    let summary = format!(
        "satisfaction {}; contradictions: {}; answers: {}{}",
        score.map_or("none".into(), |s| format!("{s}/5")),
        if found.is_empty() { "none".into() } else { found.join(", ") },
        c.answers.as_ref().map(ToString::to_string).unwrap_or_default(),
        notes.map(|n| format!("; notes: {n}")).unwrap_or_default()
    );
    let recorded = events::NewEvent {
        kind: "callback_recorded",
        field: Some("satisfaction_score"),
        from_value: ticket.satisfaction_score.map(|s| s.to_string()),
        to_value: score.map(|s| s.to_string()),
        note: Some(summary),
    };
    work.timeline(saved.id, recorded).await?;
    if !found.is_empty() {
        let flagged = events::NewEvent {
            kind: "flagged_contradiction",
            field: Some("flag_contradiction"),
            from_value: Some(ticket.flag_contradiction.to_string()),
            to_value: Some("true".into()),
            note: Some(found.join(", ")),
        };
        work.timeline(saved.id, flagged).await?;
    }
    Ok(saved)
}
