//! Where changes become webhook events, decided once for every use case: who
//! hears of a ticket, and what the message carries.
//!
//! A ticket's news goes to the partners whose keys see it: the partner that took
//! it in, the shop it was given to, and a manufacturer whose brands' warranty
//! tickets include it (the same [`PartnerSight`] its key reads through). Each
//! partner's active endpoints subscribed to the event get one delivery. A sold
//! unit's registration goes to the manufacturers of its brand; an order's news to
//! the platform that sent the order.
use aftersales_domain::partners::PartnerKind;
use aftersales_domain::webhooks::WebhookEvent;
use aftersales_persistence::tickets::{PartnerSight, Ticket, partner_sight};
use aftersales_persistence::webhooks::{WebhookEndpoint, endpoints};
use aftersales_persistence::{ConnectionTrait, StoreError, partners};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::auth::api_keys::sight_of;
use crate::error::ApiError;
use crate::use_cases::Work;
use crate::use_cases::tickets::ticket_out;

/// Tells the ticket's partners of `events`, in the change's transaction. The
/// message's `data` is `{"ticket": <the ticket as the API shows it>}` with
/// `detail`'s fields beside it (e.g. `from_stage`, `to_stage`).
pub(crate) async fn ticket_news(
    work: &Work,
    events: &[WebhookEvent],
    ticket: &Ticket,
    detail: Value,
) -> Result<(), ApiError> {
    let listeners = listeners_of(work.db(), ticket).await?;
    if listeners.is_empty() {
        return Ok(());
    }
    let mut data = json!({ "ticket": ticket_out(ticket)? });
    if let (Some(data), Value::Object(detail)) = (data.as_object_mut(), detail) {
        data.extend(detail);
    }
    for event in events {
        let subscribed: Vec<_> = listeners.iter().filter(|e| e.events.contains(event)).map(|e| e.id).collect();
        work.publish(*event, data.clone(), &subscribed).await?;
    }
    Ok(())
}

/// Tells the manufacturers of the unit's brand that a sold unit was registered,
/// so its warranty runs: `data` is `{"serial": <the unit as the API shows it>}`.
pub(crate) async fn warranty_news(work: &Work, brand_id: Uuid, unit: Value) -> Result<(), ApiError> {
    let mut listeners = Vec::new();
    for endpoint in endpoints::active_for(work.db(), &[]).await? {
        let partner = partners::find(work.db(), endpoint.partner_id).await?;
        if partner.kind == PartnerKind::Manufacturer
            && partner.brand_ids.contains(&brand_id)
            && endpoint.events.contains(&WebhookEvent::WarrantyRegistered)
        {
            listeners.push(endpoint.id);
        }
    }
    work.publish(WebhookEvent::WarrantyRegistered, json!({ "serial": unit }), &listeners).await?;
    Ok(())
}

/// Tells the platform whose order it is of `event` (an order's status change, a
/// return's decision), in the change's transaction.
pub(crate) async fn order_news(
    work: &Work,
    event: WebhookEvent,
    partner_id: Uuid,
    data: Value,
) -> Result<(), ApiError> {
    let listeners: Vec<_> = endpoints::active_for(work.db(), &[partner_id])
        .await?
        .into_iter()
        .filter(|e| e.partner_id == partner_id && e.events.contains(&event))
        .map(|e| e.id)
        .collect();
    work.publish(event, data, &listeners).await?;
    Ok(())
}

/// The active endpoints of the active partners that see the ticket.
async fn listeners_of(db: &impl ConnectionTrait, ticket: &Ticket) -> Result<Vec<WebhookEndpoint>, ApiError> {
    let (taken_in_by, given_to) = partner_sight::partners_of(db, ticket.id.uuid()).await?;
    let own: Vec<_> = [taken_in_by, given_to].into_iter().flatten().collect();
    let candidates = endpoints::active_for(db, &own).await?;
    let mut listeners = Vec::with_capacity(candidates.len());
    for endpoint in candidates {
        if own.contains(&endpoint.partner_id) || sees_as_manufacturer(db, &endpoint, ticket).await? {
            listeners.push(endpoint);
        }
    }
    Ok(listeners)
}

async fn sees_as_manufacturer(
    db: &impl ConnectionTrait,
    endpoint: &WebhookEndpoint,
    ticket: &Ticket,
) -> Result<bool, ApiError> {
    let partner = partners::find(db, endpoint.partner_id).await?;
    let (sight, _) = sight_of(db, &partner).await?;
    if !matches!(sight, PartnerSight::Brands { .. }) {
        return Ok(false);
    }
    match partner_sight::find_for_partner(db, &sight, ticket.id.uuid()).await {
        Ok(_) => Ok(true),
        Err(StoreError::NotFound) => Ok(false),
        Err(e) => Err(e.into()),
    }
}
