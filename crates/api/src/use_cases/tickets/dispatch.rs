//! Send a technician to a ticket for an appointment window.
use actix_web::http::StatusCode;
use aftersales_api_types::FieldError;
use aftersales_api_types::dispatch::{DispatchRequest, DispatchResult, DispatchWarning};
use aftersales_domain::access::Role;
use aftersales_domain::organisation::User;
use aftersales_persistence::tickets::{self, Ticket, events};
use aftersales_persistence::{ConnectionTrait, DatabaseConnection, StoreError, branches, users};
use chrono::{DateTime, SecondsFormat, Utc};
use uuid::Uuid;

use super::ticket_out;
use crate::audit::{Change, snapshot};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::use_cases::access::{refuse_if_sealed, ticket_in_scope};
use crate::use_cases::dispatch::{warnings_for, warnings_out};
use crate::use_cases::{Actor, Begun, Once, Work};
use aftersales_domain::text::optional_text;

/// The technician must be an active technician of the caller's part of the
/// network; another technician than the ticket's needs a `reason`. Warnings
/// (outside the branch, a missing skill, over the daily load) refuse the dispatch
/// unless overridden with a reason, noted on the timeline.
pub async fn dispatch(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    expected: Option<i64>,
    body: DispatchRequest,
) -> Result<Once<DispatchResult>, ApiError> {
    let me = &actor.me;
    if body.appointment_to < body.appointment_from {
        return Err(ApiError::field("appointment_to", "before_start", "must not be before appointment_from"));
    }
    let reason = optional_text(body.reason.clone());
    let override_reason = optional_text(body.override_reason.clone());
    if body.override_warnings && override_reason.is_none() {
        return Err(ApiError::field("override_reason", "required", "say why the warnings are overridden"));
    }
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let before = ticket_in_scope(work.db(), me, id).await?;
    refuse_if_sealed(&before)?;
    if expected.is_some_and(|v| v != before.version) {
        return Err(ApiError::PreconditionFailed);
    }
    let technician = technician_in_scope(work.db(), me, body.technician_id).await?;
    let reassigning = before.technician_id.filter(|current| *current != technician.id);
    if reassigning.is_some() && reason.is_none() {
        return Err(ApiError::field("reason", "required", "say why the ticket goes to another technician"));
    }
    let branch = branches::find(work.db(), before.branch_id.uuid()).await?;
    let warnings = warnings_for(work.db(), &before, &branch, &technician, body.appointment_from).await?;
    let shown = warnings_out(work.db(), &warnings).await?;
    if !shown.is_empty() && !body.override_warnings {
        return Err(refusal(&before.number, &technician, &shown));
    }

    let mut t = before.clone();
    let assignment = t.assign(technician.id, (body.appointment_from, body.appointment_to), work.now());
    let saved = tickets::save(work.db(), before.version, expected, &t, work.now()).await?;

    let at = |time: DateTime<Utc>| time.to_rfc3339_opts(SecondsFormat::Secs, true);
    let mut note = vec![format!("appointment {} – {}", at(body.appointment_from), at(body.appointment_to))];
    if let Some(reason) = &reason {
        note.push(format!("reason: {reason}"));
    }
    if let (false, Some(why)) = (shown.is_empty(), &override_reason) {
        let codes: Vec<&str> = shown.iter().map(|w| w.code.as_str()).collect();
        note.push(format!("overridden {}: {why}", codes.join(", ")));
    }
    let event = events::NewEvent {
        kind: assignment.as_str(),
        field: Some("technician_id"),
        from_value: before.technician_id.map(|v| v.to_string()),
        to_value: Some(technician.id.to_string()),
        note: Some(note.join("; ")),
    };
    work.timeline(saved.id, event).await?;
    let assigned = serde_json::json!({"technician_id": technician.id.uuid(), "partner_id": null});
    let events = [aftersales_domain::webhooks::WebhookEvent::TicketAssigned];
    crate::use_cases::webhooks::publish::ticket_news(&work, &events, &saved, assigned).await?;
    let overridden = if body.override_warnings { shown } else { Vec::new() };
    let mut after = assignment_view(&saved);
    after["overridden_warnings"] = serde_json::json!(overridden.iter().map(|w| &w.code).collect::<Vec<_>>());
    work.audit(Change {
        action: "ticket.dispatch",
        entity: "ticket",
        entity_id: saved.id.uuid(),
        branch_id: Some(saved.branch_id.uuid()),
        before: snapshot(&assignment_view(&before)),
        after: snapshot(&after),
    })
    .await?;
    work.finish(StatusCode::OK, DispatchResult { ticket: ticket_out(&saved)?, overridden_warnings: overridden }).await
}

/// What the audit shows of who has the ticket when.
fn assignment_view(t: &Ticket) -> serde_json::Value {
    serde_json::json!({"technician_id": t.technician_id.map(uuid::Uuid::from), "appointment_from": t.appointment_from,
        "appointment_to": t.appointment_to, "dispatched_at": t.dispatched_at})
}

/// An active technician of the caller's part of the network, not a partner's own
/// (422 otherwise).
async fn technician_in_scope(db: &impl ConnectionTrait, me: &Principal, id: Uuid) -> Result<User, ApiError> {
    match users::find_in_scope(db, &me.scope, id).await {
        Ok(user) if user.partner_id.is_some() => Err(ApiError::field(
            "technician_id",
            "partner_staff",
            "a partner's technician works the tickets given to the partner; give the ticket to the partner",
        )),
        Ok(user) if user.active && user.roles.contains(&Role::Technician) => Ok(user),
        Ok(_) => Err(ApiError::field("technician_id", "not_a_technician", "this user is not an active technician")),
        Err(StoreError::NotFound) => {
            Err(ApiError::field("technician_id", "unknown_technician", "no such user in your part of the network"))
        }
        Err(e) => Err(e.into()),
    }
}

fn refusal(number: &str, technician: &User, shown: &[DispatchWarning]) -> ApiError {
    let described: Vec<String> =
        shown
            .iter()
            .map(|w| {
                if w.skills.is_empty() { w.message.clone() } else { format!("{} ({})", w.message, w.skills.join(", ")) }
            })
            .collect();
    ApiError::DispatchWarnings {
        message: format!(
            "sending {} to {number} needs a second look: {}; send override=true with an override_reason to dispatch anyway",
            technician.username,
            described.join("; ")
        ),
        warnings: shown
            .iter()
            .map(|w| FieldError::new(w.code.clone(), "dispatch_warning", w.message.clone()))
            .collect(),
    }
}
