//! Record a labour line on a ticket: from the service catalogue, or a free line.
use actix_web::http::StatusCode;
use aftersales_api_types::labour::{AddLabourLine, LabourLineDto};
use aftersales_domain::access::Role;
use aftersales_persistence::catalogue::models;
use aftersales_persistence::tickets::labour::{self, NewLabourLine};
use aftersales_persistence::tickets::{Ticket, events, service_items};
use aftersales_persistence::{ConnectionTrait, DatabaseConnection, StoreError, users};
use uuid::Uuid;

use super::{ENTITY, line_note, may_price_freely};
use crate::audit::{Change, snapshot};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::money_dto::money_in;
use crate::use_cases::access::{refuse_if_sealed, ticket_in_scope};
use crate::use_cases::tickets::work::{labour_line_out, normalize_code};
use crate::use_cases::{Actor, Begun, Once, Work};

/// A catalogue item gives the code, English name, price and minutes; a free line
/// (office staff only) brings its own. The line is the given technician's, or the
/// caller's when they are a technician. Appends `labour_added` to the timeline.
pub async fn add(
    db: &DatabaseConnection,
    actor: &Actor,
    ticket_id: Uuid,
    body: AddLabourLine,
) -> Result<Once<LabourLineDto>, ApiError> {
    let me = &actor.me;
    if body.service_item_id.is_none() {
        may_price_freely(me)?;
    }
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let ticket = ticket_in_scope(work.db(), me, ticket_id).await?;
    refuse_if_sealed(&ticket)?;
    let technician_id = technician(work.db(), me, body.technician_id).await?;
    let quantity = body.quantity.unwrap_or(1);
    let new = match body.service_item_id {
        Some(item_id) => from_item(work.db(), &ticket, item_id, &body).await?,
        None => free_line(&body)?,
    };
    let new =
        NewLabourLine { ticket_id: ticket.id.uuid(), quantity, technician_id, created_by: Some(me.user_id), ..new };
    let line = labour::insert(work.db(), new, work.now()).await?;
    let event = events::NewEvent {
        field: Some("labour"),
        to_value: Some(line.code.clone()),
        note: Some(line_note(&line)),
        ..events::NewEvent::kind("labour_added")
    };
    work.timeline(ticket.id, event).await?;
    let out = labour_line_out(&line)?;
    work.audit(Change {
        action: "ticket.labour_add",
        entity: ENTITY,
        entity_id: line.id,
        branch_id: Some(ticket.branch_id.uuid()),
        before: None,
        after: snapshot(&out),
    })
    .await?;
    work.finish(StatusCode::CREATED, out).await
}

/// The technician the line is recorded for.
async fn technician(db: &impl ConnectionTrait, me: &Principal, given: Option<Uuid>) -> Result<Option<Uuid>, ApiError> {
    let Some(id) = given else {
        return Ok(me.roles.contains(&Role::Technician).then_some(me.user_id));
    };
    let user = match users::find_in_scope(db, &me.scope, id).await {
        Err(StoreError::NotFound) => {
            return Err(ApiError::field(
                "technician_id",
                "unknown_user",
                "no user with this id in your part of the network",
            ));
        }
        other => other?,
    };
    if !user.active || !user.roles.contains(&Role::Technician) {
        return Err(ApiError::field("technician_id", "not_a_technician", "is not an active technician"));
    }
    Ok(Some(id))
}
/// The part of a line a catalogue item gives (quantity and people are the caller's).
async fn from_item(
    db: &impl ConnectionTrait,
    ticket: &Ticket,
    item_id: Uuid,
    body: &AddLabourLine,
) -> Result<NewLabourLine, ApiError> {
    let own = [
        ("code", body.code.is_some()),
        ("description", body.description.is_some()),
        ("unit_price", body.unit_price.is_some()),
        ("minutes", body.minutes.is_some()),
    ];
    if let Some((field, _)) = own.iter().find(|(_, given)| *given) {
        return Err(ApiError::field(field, "from_item", "comes from the service item; leave it out"));
    }
    let refuse = |code: &str, message: &str| ApiError::field("service_item_id", code, message);
    let item = match service_items::find(db, item_id).await {
        Err(StoreError::NotFound) => return Err(refuse("unknown_item", "there is no service item with this id")),
        other => other?,
    };
    if !item.active {
        return Err(refuse("inactive", "the service item is retired"));
    }
    let Some(model_id) = ticket.model_id else {
        return Err(refuse("no_model", "the ticket has no product model to take services from"));
    };
    if models::find(db, model_id.uuid()).await?.category_id != item.category_id.into() {
        return Err(refuse("wrong_category", "the service item is not of the ticket's product category"));
    }
    let name = item.names.get("en").cloned().unwrap_or_else(|| item.code.clone());
    Ok(NewLabourLine {
        ticket_id: ticket.id.uuid(),
        service_item_id: Some(item.id),
        code: item.code,
        description: name.chars().take(200).collect(),
        quantity: 1,
        unit_price: item.price,
        minutes: item.standard_minutes,
        technician_id: None,
        created_by: None,
    })
}

/// A free line from the body; 422 naming a missing field.
fn free_line(body: &AddLabourLine) -> Result<NewLabourLine, ApiError> {
    let required = |field: &str| ApiError::field(field, "required", "a free line (no service_item_id) needs it");
    let code = body.code.as_deref().map(normalize_code).ok_or_else(|| required("code"))?;
    let description = body.description.as_deref().map(str::trim).ok_or_else(|| required("description"))?;
    let unit_price = money_in(body.unit_price.as_ref().ok_or_else(|| required("unit_price"))?, "unit_price")?;
    Ok(NewLabourLine {
        ticket_id: Uuid::nil(),
        service_item_id: None,
        code,
        description: description.to_owned(),
        quantity: 1,
        unit_price,
        minutes: body.minutes.unwrap_or(0),
        technician_id: None,
        created_by: None,
    })
}
