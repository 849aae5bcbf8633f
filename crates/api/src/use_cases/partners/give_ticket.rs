//! Give a ticket to a contracted shop, which then sees it with its keys and moves
//! it through the workflow; or take it back.
use actix_web::http::StatusCode;
use aftersales_api_types::partners::{GiveTicketToPartner, TicketPartners};
use aftersales_domain::access::Permission;
use aftersales_domain::partners::PartnerKind;
use aftersales_persistence::tickets::{events, partner_sight};
use aftersales_persistence::{DatabaseConnection, StoreError, partners};
use uuid::Uuid;

use crate::audit::{Change, snapshot};
use crate::error::ApiError;
use crate::use_cases::access::{refuse_if_sealed, ticket_in_scope};
use crate::use_cases::{Actor, Begun, Once, Work};

/// The shop must be an active repair shop or dealer of your part of the network
/// (422 naming `partner_id`); a closed ticket is not given (409); 412 when the
/// ticket is no longer at `expected`.
pub async fn give_ticket(
    db: &DatabaseConnection,
    actor: &Actor,
    ticket_id: Uuid,
    expected: Option<i64>,
    body: GiveTicketToPartner,
) -> Result<Once<TicketPartners>, ApiError> {
    let me = &actor.me;
    me.require(Permission::DispatchTickets)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let ticket = ticket_in_scope(work.db(), me, ticket_id).await?;
    refuse_if_sealed(&ticket)?;
    if expected.is_some_and(|v| v != ticket.version) {
        return Err(ApiError::PreconditionFailed);
    }
    let shop = match body.partner_id {
        Some(id) => {
            let unknown =
                || ApiError::field("partner_id", "unknown_partner", "no such partner in your part of the network");
            let partner = match partners::find_in_scope(work.db(), &me.scope, id).await {
                Ok(p) => p,
                Err(StoreError::NotFound) => return Err(unknown()),
                Err(e) => return Err(e.into()),
            };
            if !matches!(partner.kind, PartnerKind::RepairShop | PartnerKind::Dealer) {
                return Err(ApiError::field(
                    "partner_id",
                    "not_a_shop",
                    "only a repair shop or a dealer takes tickets",
                ));
            }
            if !partner.active {
                return Err(ApiError::field("partner_id", "inactive", "the partner is inactive"));
            }
            Some(partner)
        }
        None => None,
    };
    let (partner_id, before) = partner_sight::partners_of(work.db(), ticket_id).await?;
    let saved =
        partner_sight::give_to(work.db(), ticket_id, ticket.version, shop.as_ref().map(|p| p.id), work.now()).await?;
    let event = events::NewEvent {
        note: shop.as_ref().map(|p| format!("given to {} {}", p.code, p.name)),
        ..events::NewEvent::change(
            "service_partner_id",
            before.map(|id| id.to_string()),
            shop.as_ref().map(|p| p.id.to_string()),
        )
    };
    work.timeline(saved.id, event).await?;
    if let Some(shop) = &shop {
        // The shop now sees the ticket, and so hears of it.
        let assigned = serde_json::json!({"technician_id": null, "partner_id": shop.id});
        let events = [aftersales_domain::webhooks::WebhookEvent::TicketAssigned];
        crate::use_cases::webhooks::publish::ticket_news(&work, &events, &saved, assigned).await?;
    }
    let out = TicketPartners {
        ticket_id,
        partner_id,
        service_partner_id: shop.as_ref().map(|p| p.id),
        version: saved.version,
    };
    let change = Change {
        action: "ticket.give_to_partner",
        entity: "ticket",
        entity_id: ticket_id,
        branch_id: Some(saved.branch_id.uuid()),
        before: Some(serde_json::json!({ "service_partner_id": before })),
        after: snapshot(&out),
    };
    work.audit(change).await?;
    work.finish(StatusCode::OK, out).await
}
