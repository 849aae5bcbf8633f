use std::collections::BTreeMap;

use actix_web::{HttpResponse, post, web};
use aftersales_api_types::followups::{CallbackDto, RecordCallback};
use aftersales_api_types::{FieldError, Problem};
use aftersales_domain::tickets::callback::{
    Answer, AnswerKind, CallbackStatus, MAX_CALL_ATTEMPTS, SCRIPT, TicketSide, after_unanswered_call, check_answers,
    contradictions, customer_charges_minor, satisfaction,
};
use aftersales_persistence::tickets::callbacks::{self, Callback};
use aftersales_persistence::tickets::{self, Ticket, events, labour};
use aftersales_persistence::{ConnectionTrait, begin_write};
use chrono::{DateTime, Utc};
use serde_json::Value;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson};
use crate::state::AppState;
use crate::use_cases::access::{refuse_if_sealed, ticket_in_scope};
use crate::use_cases::followups::callback_out;

/// Record a call to the customer: their answers to the script, or that nobody answered.
///
/// `reached: true` checks the answers against the script (422 naming
/// `answers.<code>` for each unknown, ill-typed or missing one), stores them, puts
/// the satisfaction score (the rounded mean of the scores) on the ticket, and holds
/// the answers against the ticket: an answer that contradicts it (charged on a
/// covered repair, unit still broken) flags the ticket for a supervisor.
/// `reached: false` counts an unanswered call; after three the customer is
/// `unreachable`, which lets the ticket close like an answered callback.
/// `If-Match` is the ticket's `ETag`. 409 when the ticket is not completed yet (no
/// callback task), the callback is already settled, or the ticket is closed.
#[utoipa::path(
    post, path = "/api/v1/tickets/{id}/callback", tag = "followups", operation_id = "record_ticket_callback",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id"),
        ("If-Match" = Option<String>, Header, description = "The ticket's ETag you read")),
    request_body = RecordCallback,
    responses(
        (status = 200, description = "Recorded", body = CallbackDto),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The ticket is not completed, its callback is already done, or it is closed", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The ticket changed since you read it", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad answers, each named as `answers.<code>`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/tickets/{id}/callback")]
pub async fn record_ticket_callback(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::HandleFollowUps>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    ValidatedJson(body): ValidatedJson<RecordCallback>,
) -> Result<HttpResponse, ApiError> {
    let now = Utc::now();
    let notes = body.notes.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
    let txn = begin_write(&state.db).await?;
    let ticket = ticket_in_scope(&txn, &me, *id).await?;
    refuse_if_sealed(&ticket)?;
    let before = callbacks::of_ticket(&txn, ticket.id).await?.ok_or_else(|| {
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
        ("callback.record", record_answers(&txn, me.user_id, ticket, &mut c, &answers, notes.as_deref(), now).await?)
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
            c.done_by = Some(me.user_id);
            c.done_at = Some(now);
        }
        let kind = if status == CallbackStatus::Unreachable { "callback_unreachable" } else { "callback_attempted" };
        let said = format!("call {attempts} of {MAX_CALL_ATTEMPTS} unanswered");
        let note = Some(notes.map_or(said.clone(), |n| format!("{said}: {n}")));
        events::append(
            &txn,
            ticket.id,
            Some(me.user_id),
            now,
            events::NewEvent { note, ..events::NewEvent::kind(kind) },
        )
        .await?;
        ("callback.attempt", ticket)
    };
    let saved = callbacks::save(&txn, &c).await?;
    let out = callback_out(&saved, &ticket.number, ticket.branch_id, now)?;
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action,
            entity: "ticket_callback",
            entity_id: saved.id,
            branch_id: Some(ticket.branch_id),
            before: snapshot(&callback_out(&before, &ticket.number, ticket.branch_id, now)?),
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Stores the answers on the task and their consequences on the ticket.
async fn record_answers(
    db: &impl ConnectionTrait,
    actor: Uuid,
    ticket: Ticket,
    c: &mut Callback,
    answers: &[(String, Answer)],
    notes: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Ticket, ApiError> {
    let billed = labour::billed_lines(db, ticket.id).await?;
    let side = TicketSide {
        warranty: ticket.warranty_status,
        customer_charges_minor: customer_charges_minor(ticket.warranty_status, &billed),
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
    let saved = tickets::save(db, ticket.version, None, &t, now).await?;
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
    events::append(db, saved.id, Some(actor), now, recorded).await?;
    if !found.is_empty() {
        let flagged = events::NewEvent {
            kind: "flagged_contradiction",
            field: Some("flag_contradiction"),
            from_value: Some(ticket.flag_contradiction.to_string()),
            to_value: Some("true".into()),
            note: Some(found.join(", ")),
        };
        events::append(db, saved.id, Some(actor), now, flagged).await?;
    }
    Ok(saved)
}

const MAX_TEXT_ANSWER: usize = 2000;

/// The answers as the script's kinds, or 422 naming `answers.<code>` for each bad one.
/// `null` and blank text count as not answered.
fn read_answers(given: &BTreeMap<String, Value>) -> Result<Vec<(String, Answer)>, ApiError> {
    let answers: Vec<(String, Answer)> = given
        .iter()
        .filter_map(|(code, value)| {
            let kind = SCRIPT.iter().find(|q| q.code == code.as_str()).map(|q| q.kind);
            to_answer(kind, value).map(|a| (code.clone(), a))
        })
        .collect();
    let mut errors: Vec<FieldError> = check_answers(&answers)
        .into_iter()
        .map(|e| FieldError::new(format!("answers.{}", e.question), e.code, e.message))
        .collect();
    for (code, answer) in &answers {
        if let Answer::Text(text) = answer
            && text.chars().count() > MAX_TEXT_ANSWER
        {
            errors.push(FieldError::new(
                format!("answers.{code}"),
                "length",
                format!("must be at most {MAX_TEXT_ANSWER} long"),
            ));
        }
    }
    if errors.is_empty() { Ok(answers) } else { Err(ApiError::Validation(errors)) }
}

/// A JSON answer as the domain's; a value of no usable shape becomes an answer of
/// the wrong kind, so the script check names it.
fn to_answer(kind: Option<AnswerKind>, value: &Value) -> Option<Answer> {
    let wrong = || match kind {
        Some(AnswerKind::Text) => Answer::YesNo(false),
        _ => Answer::Text(String::new()),
    };
    Some(match value {
        Value::Null => return None,
        Value::Bool(b) => Answer::YesNo(*b),
        Value::Number(n) => Answer::Score(n.as_u64().and_then(|n| u8::try_from(n).ok()).unwrap_or(0)),
        Value::String(s) if s.trim().is_empty() => return None,
        Value::String(s) => Answer::Text(s.trim().to_owned()),
        Value::Array(_) | Value::Object(_) => wrong(),
    })
}

fn answer_value(a: &Answer) -> Value {
    match a {
        Answer::YesNo(b) => Value::Bool(*b),
        Answer::Score(s) => Value::from(*s),
        Answer::Text(t) => Value::String(t.clone()),
    }
}
