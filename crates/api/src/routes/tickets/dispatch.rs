use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::dispatch::{DispatchRequest, DispatchResult};
use aftersales_api_types::{FieldError, Problem};
use aftersales_domain::access::Role;
use aftersales_domain::organisation::User;
use aftersales_persistence::tickets::{self, events};
use aftersales_persistence::{ConnectionTrait, StoreError, begin_write, branches, users};
use chrono::{SecondsFormat, Utc};
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, Principal, need};
use crate::dto::optional;
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::access::{refuse_if_sealed, ticket_in_scope};
use crate::use_cases::tickets::dispatch::{warnings_for, warnings_out};
use crate::use_cases::tickets::ticket_out;

/// Send a technician to a ticket for an appointment window.
///
/// The technician must be an active technician of your part of the network. Giving
/// the ticket to another technician than the one it has needs a `reason`. Dispatch
/// warns when the technician works outside the ticket's branch (`outside_branch`),
/// lacks a skill the unit's product category requires (`missing_skill`), or already
/// has the day's limit of jobs (`over_daily_load`, counted on the appointment's day
/// where the ticket's branch is): a warning answers 409 listing each one in `errors`
/// (`field` = the warning), and the same request with `override: true` and an
/// `override_reason` goes through, the overridden warnings noted on the timeline.
#[utoipa::path(
    post, path = "/api/v1/tickets/{id}/dispatch", tag = "dispatch", operation_id = "dispatch_ticket",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read")),
    request_body = DispatchRequest,
    responses(
        (status = 200, description = "Dispatched", body = DispatchResult, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Warnings to override (`dispatch_warnings`), or the ticket is closed", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The ticket changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/tickets/{id}/dispatch")]
pub async fn dispatch_ticket(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::DispatchTickets>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    ValidatedJson(body): ValidatedJson<DispatchRequest>,
) -> Result<HttpResponse, ApiError> {
    if body.appointment_to < body.appointment_from {
        return Err(ApiError::field("appointment_to", "before_start", "must not be before appointment_from"));
    }
    let reason = optional(body.reason.clone());
    let override_reason = optional(body.override_reason.clone());
    if body.override_warnings && override_reason.is_none() {
        return Err(ApiError::field("override_reason", "required", "say why the warnings are overridden"));
    }
    let now = Utc::now();
    let txn = begin_write(&state.db).await?;
    let before = ticket_in_scope(&txn, &me, *id).await?;
    refuse_if_sealed(&before)?;
    if expected.is_some_and(|v| v != before.version) {
        return Err(ApiError::PreconditionFailed);
    }
    let technician = technician_in_scope(&txn, &me, body.technician_id).await?;
    let reassigning = before.technician_id.filter(|current| *current != technician.id);
    if reassigning.is_some() && reason.is_none() {
        return Err(ApiError::field("reason", "required", "say why the ticket goes to another technician"));
    }
    let branch = branches::find(&txn, before.branch_id).await?;
    let warnings = warnings_for(&txn, &before, &branch, &technician, body.appointment_from).await?;
    let shown = warnings_out(&txn, &warnings).await?;
    if !shown.is_empty() && !body.override_warnings {
        return Err(refusal(&before.number, &technician, &shown));
    }

    let mut t = before.clone();
    t.technician_id = Some(technician.id);
    t.appointment_from = Some(body.appointment_from);
    t.appointment_to = Some(body.appointment_to);
    t.dispatched_at = Some(now);
    let saved = tickets::save(&txn, before.version, expected, &t, now).await?;

    let at = |time: chrono::DateTime<Utc>| time.to_rfc3339_opts(SecondsFormat::Secs, true);
    let mut note = vec![format!("appointment {} – {}", at(body.appointment_from), at(body.appointment_to))];
    if let Some(reason) = &reason {
        note.push(format!("reason: {reason}"));
    }
    if let (false, Some(why)) = (shown.is_empty(), &override_reason) {
        let codes: Vec<&str> = shown.iter().map(|w| w.code.as_str()).collect();
        note.push(format!("overridden {}: {why}", codes.join(", ")));
    }
    let kind = match before.technician_id {
        None => "dispatched",
        Some(current) if current == technician.id => "rescheduled",
        Some(_) => "reassigned",
    };
    let event = events::NewEvent {
        kind,
        field: Some("technician_id"),
        from_value: before.technician_id.map(|v| v.to_string()),
        to_value: Some(technician.id.to_string()),
        note: Some(note.join("; ")),
    };
    events::append(&txn, saved.id, Some(me.user_id), now, event).await?;
    let overridden = if body.override_warnings { shown } else { Vec::new() };
    let view = |t: &tickets::Ticket| {
        serde_json::json!({"technician_id": t.technician_id, "appointment_from": t.appointment_from,
            "appointment_to": t.appointment_to, "dispatched_at": t.dispatched_at})
    };
    let mut after = view(&saved);
    after["overridden_warnings"] = serde_json::json!(overridden.iter().map(|w| &w.code).collect::<Vec<_>>());
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "ticket.dispatch",
            entity: "ticket",
            entity_id: saved.id,
            branch_id: Some(saved.branch_id),
            before: snapshot(&view(&before)),
            after: snapshot(&after),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(saved.version)))
        .json(DispatchResult { ticket: ticket_out(&saved)?, overridden_warnings: overridden }))
}

/// An active technician of the caller's part of the network (422 otherwise).
async fn technician_in_scope(db: &impl ConnectionTrait, me: &Principal, id: Uuid) -> Result<User, ApiError> {
    match users::find_in_scope(db, &me.scope, id).await {
        Ok(user) if user.active && user.roles.contains(&Role::Technician) => Ok(user),
        Ok(_) => Err(ApiError::field("technician_id", "not_a_technician", "this user is not an active technician")),
        Err(StoreError::NotFound) => {
            Err(ApiError::field("technician_id", "unknown_technician", "no such user in your part of the network"))
        }
        Err(e) => Err(e.into()),
    }
}

fn refusal(number: &str, technician: &User, shown: &[aftersales_api_types::dispatch::DispatchWarning]) -> ApiError {
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
