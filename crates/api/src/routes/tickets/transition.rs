use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::tickets::{TicketDto, TransitionRequest};
use aftersales_api_types::{FieldError, Problem};
use aftersales_domain::tickets::StageCategory;
use aftersales_domain::tickets::workflow::{Guard, Refusal};
use aftersales_persistence::tickets::{self, callbacks, events, facts};
use aftersales_persistence::{ConnectionTrait, begin_write, settings, workflows};
use chrono::{DateTime, Duration, SecondsFormat, Utc};
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::access::{sealed, ticket_in_scope};
use crate::use_cases::followups::callback_out;
use crate::use_cases::tickets::ticket_out;

/// Move a ticket to another stage of its workflow.
///
/// The step must exist from the ticket's current stage, be open to one of your
/// roles (403 otherwise), and its guards must hold: a failing guard answers 409
/// listing every guard that failed in `errors` (`field` = the guard). Completing a
/// ticket whose workflow asks for a callback creates the callback task; completing
/// it again (say a callback sent it back to the bench) makes an answered or
/// unreachable callback pending again, due anew, with a `callback_reopened` event.
/// Closing seals the ticket. Atomic: checked and written in one transaction against the
/// stage as it is now.
#[utoipa::path(
    post, path = "/api/v1/tickets/{id}/transitions", tag = "tickets", operation_id = "transition_ticket",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read")),
    request_body = TransitionRequest,
    responses(
        (status = 200, description = "Moved", body = TicketDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "No such step from the current stage, a guard failed, or the ticket is closed", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The ticket changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/tickets/{id}/transitions")]
pub async fn transition_ticket(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::WorkTickets>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    ValidatedJson(body): ValidatedJson<TransitionRequest>,
) -> Result<HttpResponse, ApiError> {
    let now = Utc::now();
    let txn = begin_write(&state.db).await?;
    let before = ticket_in_scope(&txn, &me, *id).await?;
    let workflow = workflows::get(&txn, before.kind).await?.workflow;
    let mut known = facts::of_ticket(&txn, &before).await?;
    let note = body.note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
    known.note_given = note.is_some();
    let to = body.to.trim();
    let step = workflow.check(&before.stage, to, &me.roles, &known).map_err(|refusal| refused(&before, to, refusal))?;
    let target =
        workflow.stage(&step.to).ok_or_else(|| ApiError::Internal(anyhow::anyhow!("checked stage missing")))?;

    let mut t = before.clone();
    t.stage = target.code.clone();
    t.stage_category = target.category;
    if target.category == StageCategory::Closed {
        t.closed_at = Some(now);
    }
    let saved = tickets::save(&txn, before.version, expected, &t, now).await?;
    let event = events::NewEvent {
        kind: "stage_changed",
        field: Some("stage"),
        from_value: Some(before.stage.clone()),
        to_value: Some(saved.stage.clone()),
        note,
    };
    events::append(&txn, saved.id, Some(me.user_id), now, event).await?;
    let asks_for_callback = workflow.transitions.iter().any(|t| t.guards.contains(&Guard::CallbackDone));
    if target.category == StageCategory::Done && asks_for_callback {
        let due = now + Duration::hours(i64::from(settings::tickets(&txn).await?.callback_due_hours));
        // Coming back into `done` from the work (not moving on within it, e.g.
        // completed → callback) means the work was completed again: it needs a new call.
        let completed_again = before.stage_category != StageCategory::Done;
        let ensured = callbacks::ensure_pending(&txn, saved.id, due, now, completed_again).await?;
        if let callbacks::Ensured::Reopened { earlier, reopened } = ensured {
            callback_reopened(&txn, me.user_id, &request_id, &saved, &earlier, &reopened, now).await?;
        }
    }
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "ticket.transition",
            entity: "ticket",
            entity_id: saved.id,
            branch_id: Some(saved.branch_id),
            before: snapshot(&serde_json::json!({"stage": before.stage})),
            after: snapshot(&serde_json::json!({"stage": saved.stage})),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(saved.version))).json(ticket_out(&saved)?))
}

/// Notes on the timeline and in the audit that a settled callback is due again.
/// The earlier call's answers are on the timeline already (`callback_recorded`,
/// `callback_attempted`, `callback_unreachable`).
async fn callback_reopened(
    txn: &impl ConnectionTrait,
    actor: Uuid,
    request_id: &RequestId,
    ticket: &tickets::Ticket,
    earlier: &callbacks::Callback,
    reopened: &callbacks::Callback,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let due = reopened.due_at.to_rfc3339_opts(SecondsFormat::Secs, true);
    let event = events::NewEvent {
        kind: "callback_reopened",
        field: Some("callback"),
        from_value: Some(earlier.status.as_str().to_owned()),
        to_value: Some(reopened.status.as_str().to_owned()),
        note: Some(format!("the work was completed again: a new call is due by {due}")),
    };
    events::append(txn, ticket.id, Some(actor), now, event).await?;
    audit::record(
        txn,
        Some(actor),
        request_id,
        Change {
            action: "callback.reopen",
            entity: "ticket_callback",
            entity_id: reopened.id,
            branch_id: Some(ticket.branch_id),
            before: snapshot(&callback_out(earlier, &ticket.number, ticket.branch_id, now)?),
            after: snapshot(&callback_out(reopened, &ticket.number, ticket.branch_id, now)?),
        },
    )
    .await?;
    Ok(())
}

fn refused(ticket: &tickets::Ticket, to: &str, refusal: Refusal) -> ApiError {
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
