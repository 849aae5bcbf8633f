use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::tickets::{TicketDto, UpdateTicket};
use aftersales_domain::access::{Permission, allowed};
use aftersales_domain::tickets::Priority;
use aftersales_persistence::catalogue::models;
use aftersales_persistence::tickets::{self, Ticket, events, fault_codes};
use aftersales_persistence::{ConnectionTrait, begin_write};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::dto::optional;
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::access::{refuse_if_sealed, ticket_in_scope};
use crate::use_cases::tickets::{domain_enum, ticket_out};

/// Change a ticket's details; every changed field is a timeline event.
///
/// Technicians record the diagnosis and resolution codes (from the product
/// category's code lists), their notes and the time on site; the other fields are
/// the office's. Send `If-Match` with the version you read: a ticket changed
/// meanwhile answers 412. A closed ticket is sealed (409).
#[utoipa::path(
    patch, path = "/api/v1/tickets/{id}", tag = "tickets", operation_id = "update_ticket",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read")),
    request_body = UpdateTicket,
    responses(
        (status = 200, description = "Changed", body = TicketDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The ticket is closed", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The ticket changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/api/v1/tickets/{id}")]
pub async fn update_ticket(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::WorkTickets>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    ValidatedJson(body): ValidatedJson<UpdateTicket>,
) -> Result<HttpResponse, ApiError> {
    let office_fields = [
        ("priority", body.priority.is_some()),
        ("fault_codes", body.fault_codes.is_some()),
        ("fault_description", body.fault_description.is_some()),
        ("accessories", body.accessories.is_some()),
        ("condition_notes", body.condition_notes.is_some()),
        ("external_reference", body.external_reference.is_some()),
        ("requested_from", body.requested_from.is_some()),
        ("requested_to", body.requested_to.is_some()),
        ("expected_on", body.expected_on.is_some()),
    ];
    if !allowed(&me.roles, Permission::ManageTickets)
        && let Some((field, _)) = office_fields.iter().find(|(_, given)| *given)
    {
        return Err(ApiError::field(field, "not_yours", "only the office (clerk, dispatcher, manager) changes this"));
    }
    let now = Utc::now();
    let txn = begin_write(&state.db).await?;
    let before = ticket_in_scope(&txn, &me, *id).await?;
    refuse_if_sealed(&before)?;
    let mut t = before.clone();
    let code = |text: Option<String>| text.map(|s| s.trim().to_uppercase()).filter(|s| !s.is_empty());
    if let Some(p) = &body.priority {
        t.priority = domain_enum(p, Priority::parse)?;
    }
    if let Some(codes) = body.fault_codes {
        t.fault_codes = codes.into_iter().filter_map(|c| code(Some(c))).collect();
        check_codes(&txn, &t, fault_codes::SYMPTOM, "fault_codes", &t.fault_codes).await?;
    }
    if let Some(v) = body.fault_description {
        t.fault_description = optional(v);
    }
    if let Some(v) = body.accessories {
        t.accessories = v.into_iter().filter_map(|a| optional(Some(a))).collect();
    }
    if let Some(v) = body.condition_notes {
        t.condition_notes = optional(v);
    }
    if let Some(v) = body.external_reference {
        t.external_reference = optional(v);
    }
    if let Some(v) = body.requested_from {
        t.requested_from = v;
    }
    if let Some(v) = body.requested_to {
        t.requested_to = v;
    }
    if let (Some(from), Some(to)) = (t.requested_from, t.requested_to)
        && to < from
    {
        return Err(ApiError::field("requested_to", "before_start", "must not be before requested_from"));
    }
    if let Some(v) = body.expected_on {
        t.expected_on = v;
    }
    if let Some(v) = body.diagnosis_code {
        t.diagnosis_code = code(v);
        let given: Vec<String> = t.diagnosis_code.iter().cloned().collect();
        check_codes(&txn, &t, fault_codes::DIAGNOSIS, "diagnosis_code", &given).await?;
    }
    if let Some(v) = body.resolution_code {
        t.resolution_code = code(v);
        let given: Vec<String> = t.resolution_code.iter().cloned().collect();
        check_codes(&txn, &t, fault_codes::RESOLUTION, "resolution_code", &given).await?;
    }
    if let Some(v) = body.technician_notes {
        t.technician_notes = optional(v);
    }
    if let Some(v) = body.time_on_site_minutes {
        t.time_on_site_minutes = v;
    }

    let changes = changed_fields(&before, &t);
    let saved = if changes.is_empty() {
        // Nothing changed: still honour If-Match, so a stale client learns it is stale.
        if expected.is_some_and(|v| v != before.version) {
            return Err(ApiError::PreconditionFailed);
        }
        before.clone()
    } else {
        let saved = tickets::save(&txn, before.version, expected, &t, now).await?;
        for (field, from, to) in changes {
            events::append(&txn, saved.id, Some(me.user_id), now, events::NewEvent::change(field, from, to)).await?;
        }
        audit::record(
            &txn,
            Some(me.user_id),
            &request_id,
            Change {
                action: "ticket.update",
                entity: "ticket",
                entity_id: saved.id,
                branch_id: Some(saved.branch_id),
                before: snapshot(&ticket_out(&before)?),
                after: snapshot(&ticket_out(&saved)?),
            },
        )
        .await?;
        saved
    };
    txn.commit().await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(saved.version))).json(ticket_out(&saved)?))
}

/// Codes must be active codes of the ticket's product category.
async fn check_codes(
    db: &impl ConnectionTrait,
    t: &Ticket,
    kind: &str,
    field: &str,
    codes: &[String],
) -> Result<(), ApiError> {
    if codes.is_empty() {
        return Ok(());
    }
    let Some(model_id) = t.model_id else {
        return Err(ApiError::field(field, "no_model", "the ticket has no product model to take codes from"));
    };
    let category_id = models::find(db, model_id).await?.category_id;
    let unknown = fault_codes::unknown_codes(db, kind, category_id, codes).await?;
    match unknown.first() {
        None => Ok(()),
        Some(code) => Err(ApiError::field(
            field,
            "unknown_code",
            format!("'{code}' is not a {kind} code of this product category"),
        )),
    }
}

type FieldChange = (&'static str, Option<String>, Option<String>);

fn changed_fields(a: &Ticket, b: &Ticket) -> Vec<FieldChange> {
    fn text<T: ToString>(v: &Option<T>) -> Option<String> {
        v.as_ref().map(ToString::to_string)
    }
    fn list(v: &[String]) -> Option<String> {
        (!v.is_empty()).then(|| v.join(", "))
    }
    let pairs: [FieldChange; 13] = [
        ("priority", Some(a.priority.as_str().into()), Some(b.priority.as_str().into())),
        ("fault_codes", list(&a.fault_codes), list(&b.fault_codes)),
        ("fault_description", a.fault_description.clone(), b.fault_description.clone()),
        ("accessories", list(&a.accessories), list(&b.accessories)),
        ("condition_notes", a.condition_notes.clone(), b.condition_notes.clone()),
        ("external_reference", a.external_reference.clone(), b.external_reference.clone()),
        ("requested_from", text(&a.requested_from), text(&b.requested_from)),
        ("requested_to", text(&a.requested_to), text(&b.requested_to)),
        ("expected_on", text(&a.expected_on), text(&b.expected_on)),
        ("diagnosis_code", a.diagnosis_code.clone(), b.diagnosis_code.clone()),
        ("resolution_code", a.resolution_code.clone(), b.resolution_code.clone()),
        ("technician_notes", a.technician_notes.clone(), b.technician_notes.clone()),
        ("time_on_site_minutes", text(&a.time_on_site_minutes), text(&b.time_on_site_minutes)),
    ];
    pairs.into_iter().filter(|(_, from, to)| from != to).collect()
}
