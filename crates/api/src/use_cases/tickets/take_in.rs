//! Take in a ticket: the one way a ticket is born, whoever asks for it (the
//! counter clerk, a partner's system, an order sync, an import).
use actix_web::http::StatusCode;
use aftersales_api_types::tickets::{CreateTicket, TicketDto};
use aftersales_domain::access::Permission;
use aftersales_domain::regional::local_date;
use aftersales_domain::text::non_blank;
use aftersales_domain::tickets::numbering::ticket_number;
use aftersales_domain::tickets::repeat::is_repeat_repair;
use aftersales_domain::tickets::{Origin, Priority, WarrantyStatus};
use aftersales_persistence::catalogue::models;
use aftersales_persistence::tickets::{self, Ticket, counters, events, fault_codes};
use aftersales_persistence::{DatabaseConnection, StoreError, branches, settings, workflows};
use chrono::Datelike;
use uuid::Uuid;

use super::convert::ToDomain;
use super::{intake, ticket_out, tracking, warranty};
use crate::audit::{Change, snapshot};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::use_cases::access::ensure_branch_in_scope;
use crate::use_cases::{Actor, Begun, Once, Work};
use aftersales_domain::text::optional_text;

/// Takes in a ticket on the caller's request (the counter, a partner's key): the
/// caller must be allowed to take in tickets; a key's ticket becomes its partner's.
pub async fn take_in(db: &DatabaseConnection, actor: &Actor, body: CreateTicket) -> Result<Once<TicketDto>, ApiError> {
    actor.me.require(Permission::ManageTickets)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let partner_id = actor.me.partner.as_ref().map(|key| key.partner_id);
    let (_, out) = open(&work, &actor.me, body, partner_id).await?;
    work.finish(StatusCode::CREATED, out).await
}

/// Opens a ticket in `work`, for whichever use case takes one in (the counter, a
/// partner's key, an order's installation or return). Finds the unit (by serial,
/// warranty card, sale document or scanned barcode) and the customer (existing,
/// or registered in the same request), decides the warranty with the entitlement
/// engine and stores that decision on the ticket, numbers the ticket per branch,
/// kind and year without gaps (`RO-HN01-2026-000123`), flags a repeat repair, and
/// starts it in the first stage of its kind's workflow. A ticket opened for a
/// partner (`partner_id`) is that partner's: its key sees it, its endpoints hear of it.
pub(crate) async fn open(
    work: &Work,
    me: &Principal,
    body: CreateTicket,
    partner_id: Option<Uuid>,
) -> Result<(Ticket, TicketDto), ApiError> {
    if let (Some(from), Some(to)) = (body.requested_from, body.requested_to)
        && to < from
    {
        return Err(ApiError::field("requested_to", "before_start", "must not be before requested_from"));
    }
    let kind = body.kind.to_domain();
    let channel = body.channel.to_domain();
    let origin = body.origin.to_domain().unwrap_or(Origin::OwnIntake);
    let priority = body.priority.to_domain().unwrap_or(Priority::Normal);
    let (txn, now) = (work.db(), work.now());
    ensure_branch_in_scope(txn, &me.scope, body.branch_id).await?;
    let branch = branches::find(txn, body.branch_id).await?;
    let today = local_date(&branch.time_zone, now).unwrap_or_else(|| now.date_naive());

    let unit = match &body.unit {
        Some(r) => Some(intake::find_unit(txn, r).await?),
        None => None,
    };
    let model_id = match (&unit, body.model_id) {
        (Some(u), Some(given)) if u.model_id != given.into() => {
            return Err(ApiError::field(
                "model_id",
                "mismatch",
                "the unit found is of another model; leave model_id out",
            ));
        }
        (Some(u), _) => Some(u.model_id),
        (None, given) => given.map(Into::into),
    };
    let category_id = match model_id {
        Some(id) => match models::find(txn, id.uuid()).await {
            Ok(m) => Some(m.category_id),
            Err(StoreError::NotFound) => {
                return Err(ApiError::field("model_id", "unknown_model", "there is no product model with this id"));
            }
            Err(e) => return Err(e.into()),
        },
        None => None,
    };
    let fault_codes: Vec<String> = body.fault_codes.iter().map(|c| c.trim().to_uppercase()).collect();
    if !fault_codes.is_empty() {
        let Some(category_id) = category_id else {
            return Err(ApiError::field("fault_codes", "no_model", "symptom codes need the unit or its model_id"));
        };
        let unknown = fault_codes::unknown_codes(txn, fault_codes::SYMPTOM, category_id.uuid(), &fault_codes).await?;
        if let Some(code) = unknown.first() {
            let i = fault_codes.iter().position(|c| c == code).unwrap_or_default();
            return Err(ApiError::field(
                &format!("fault_codes[{i}]"),
                "unknown_code",
                format!("'{code}' is not a symptom code of this product category"),
            ));
        }
    }

    let (customer, customer_created) =
        intake::customer_for(txn, &me.scope, body.branch_id, body.customer_id, body.new_customer, channel, now).await?;

    let desk = settings::tickets(txn).await?;
    let repeat_of = match &unit {
        Some(u) => tickets::latest_for_serial(txn, u.id.uuid())
            .await?
            .filter(|earlier| is_repeat_repair(earlier.created_at, now, desk.repeat_repair_days))
            .map(|earlier| earlier.id),
        None => None,
    };
    let (warranty_status, decision) = match &unit {
        Some(u) => {
            let decision = warranty::decide(txn, u.id.uuid(), today, &body.claim_conditions).await?;
            (warranty::status_of(&decision), Some(decision))
        }
        None => (WarrantyStatus::Unknown, None),
    };

    let workflow = workflows::get(txn, kind).await?.workflow;
    let first = workflow.initial().ok_or_else(|| ApiError::Internal(anyhow::anyhow!("workflow without stages")))?;
    let sequence = counters::next(txn, branch.id.uuid(), kind, today.year()).await?;
    let number = ticket_number(kind, &branch.code, today.year(), sequence);
    let (tracking_code, tracking_hash) = tracking::new_code()?;
    let phones: Vec<String> = customer.phones.iter().map(|p| p.normalized.clone()).collect();
    let search_text = tickets::search_text(&number, &customer.name, &phones, unit.as_ref().map(|u| u.serial.as_str()));
    let ticket = tickets::insert(
        txn,
        tickets::NewTicket {
            id: Uuid::now_v7(),
            number,
            branch_id: branch.id.uuid(),
            kind,
            stage: first.code.clone(),
            stage_category: first.category,
            channel,
            origin,
            priority,
            customer_id: customer.id.uuid(),
            serial_id: unit.as_ref().map(|u| u.id.uuid()),
            model_id: model_id.map(uuid::Uuid::from),
            external_reference: optional_text(body.external_reference),
            fault_codes,
            fault_description: optional_text(body.fault_description),
            accessories: body.accessories.iter().filter_map(|a| non_blank(a)).collect(),
            condition_notes: optional_text(body.condition_notes),
            requested_from: body.requested_from,
            requested_to: body.requested_to,
            warranty_status,
            warranty_snapshot: decision.as_ref().and_then(|d| serde_json::to_value(d).ok()),
            repeat_of_ticket_id: repeat_of.map(uuid::Uuid::from),
            expected_on: body.expected_on,
            tracking_code,
            tracking_hash,
            search_text,
            created_by: Some(me.user_id),
        },
        now,
    )
    .await?;

    if let Some(partner_id) = partner_id {
        crate::use_cases::partners::tickets::claim(txn, partner_id, &ticket).await?;
    }
    let created = events::NewEvent {
        kind: "created",
        field: Some("stage"),
        from_value: None,
        to_value: Some(ticket.stage.clone()),
        note: Some(format!("{} via {}", ticket.kind.as_str(), channel.as_str())),
    };
    work.timeline(ticket.id, created).await?;
    if customer_created {
        let event =
            events::NewEvent { note: Some(customer.name.clone()), ..events::NewEvent::kind("customer_registered") };
        work.timeline(ticket.id, event).await?;
    }
    if let Some(earlier) = repeat_of {
        let event = events::NewEvent {
            field: Some("repeat_of_ticket_id"),
            to_value: Some(earlier.to_string()),
            note: Some(format!("the unit was here within {} days", desk.repeat_repair_days)),
            ..events::NewEvent::kind("flagged_repeat_repair")
        };
        work.timeline(ticket.id, event).await?;
    }
    let created = [aftersales_domain::webhooks::WebhookEvent::TicketCreated];
    crate::use_cases::webhooks::publish::ticket_news(work, &created, &ticket, serde_json::json!({})).await?;
    let out = ticket_out(&ticket)?;
    let change = Change {
        action: "ticket.create",
        entity: "ticket",
        entity_id: ticket.id.uuid(),
        branch_id: Some(ticket.branch_id.uuid()),
        before: None,
        after: snapshot(&out),
    };
    work.audit(change).await?;
    Ok((ticket, out))
}
