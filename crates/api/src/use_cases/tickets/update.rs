//! Change a ticket's details; every changed field is a timeline event.
use aftersales_api_types::tickets::{TicketDto, UpdateTicket};
use aftersales_domain::access::{Permission, allowed};
use aftersales_persistence::catalogue::models;
use aftersales_persistence::tickets::{self, Ticket, events, fault_codes};
use aftersales_persistence::{ConnectionTrait, DatabaseConnection};
use uuid::Uuid;

use super::convert::ToDomain;
use super::ticket_out;
use crate::audit::{Change, snapshot};
use crate::error::ApiError;
use crate::use_cases::access::{refuse_if_sealed, ticket_in_scope};
use crate::use_cases::{Actor, Work};
use aftersales_domain::text::optional_text;

/// Technicians record the diagnosis and resolution codes (from the product
/// category's code lists), their notes and the time on site; the other fields are
/// the office's. `expected` is the version the client read (412 when stale).
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    expected: Option<i64>,
    body: UpdateTicket,
) -> Result<TicketDto, ApiError> {
    let me = &actor.me;
    refuse_office_fields(me, &body)?;
    let work = Work::begin(db, actor).await?;
    let before = ticket_in_scope(work.db(), me, id).await?;
    refuse_if_sealed(&before)?;
    let t = changed(work.db(), &before, body).await?;

    let changes = changed_fields(&before, &t);
    if changes.is_empty() {
        // Nothing changed: still honour If-Match, so a stale client learns it is stale.
        if expected.is_some_and(|v| v != before.version) {
            return Err(ApiError::PreconditionFailed);
        }
        work.commit().await?;
        return ticket_out(&before);
    }
    let saved = tickets::save(work.db(), before.version, expected, &t, work.now()).await?;
    for (field, from, to) in changes {
        work.timeline(saved.id, events::NewEvent::change(field, from, to)).await?;
    }
    let out = ticket_out(&saved)?;
    work.audit(Change {
        action: "ticket.update",
        entity: "ticket",
        entity_id: saved.id.uuid(),
        branch_id: Some(saved.branch_id.uuid()),
        before: snapshot(&ticket_out(&before)?),
        after: snapshot(&out),
    })
    .await?;
    work.commit().await?;
    Ok(out)
}

/// Only the office (clerk, dispatcher, manager) changes what the customer asked for.
fn refuse_office_fields(me: &crate::auth::Principal, body: &UpdateTicket) -> Result<(), ApiError> {
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
    Ok(())
}

/// The ticket with the body's fields applied, codes checked against the lists.
async fn changed(db: &impl ConnectionTrait, before: &Ticket, body: UpdateTicket) -> Result<Ticket, ApiError> {
    let mut t = before.clone();
    let code = |text: Option<String>| text.map(|s| s.trim().to_uppercase()).filter(|s| !s.is_empty());
    if let Some(p) = body.priority {
        t.priority = p.to_domain();
    }
    if let Some(codes) = body.fault_codes {
        t.fault_codes = codes.into_iter().filter_map(|c| code(Some(c))).collect();
        check_codes(db, &t, fault_codes::SYMPTOM, "fault_codes", &t.fault_codes).await?;
    }
    if let Some(v) = body.fault_description {
        t.fault_description = optional_text(v);
    }
    if let Some(v) = body.accessories {
        t.accessories = v.into_iter().filter_map(|a| optional_text(Some(a))).collect();
    }
    if let Some(v) = body.condition_notes {
        t.condition_notes = optional_text(v);
    }
    if let Some(v) = body.external_reference {
        t.external_reference = optional_text(v);
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
        check_codes(db, &t, fault_codes::DIAGNOSIS, "diagnosis_code", &given).await?;
    }
    if let Some(v) = body.resolution_code {
        t.resolution_code = code(v);
        let given: Vec<String> = t.resolution_code.iter().cloned().collect();
        check_codes(db, &t, fault_codes::RESOLUTION, "resolution_code", &given).await?;
    }
    if let Some(v) = body.technician_notes {
        t.technician_notes = optional_text(v);
    }
    if let Some(v) = body.time_on_site_minutes {
        t.time_on_site_minutes = v;
    }
    Ok(t)
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
    let category_id = models::find(db, model_id.uuid()).await?.category_id;
    let unknown = fault_codes::unknown_codes(db, kind, category_id.uuid(), codes).await?;
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
