//! Subscribe a partner's endpoint to events: the answer carries its secret.
use actix_web::http::StatusCode;
use aftersales_api_types::webhooks::{CreateWebhookEndpoint, WebhookEndpointWithSecret};
use aftersales_domain::text::optional_text;
use aftersales_domain::webhooks::{SECRET_BYTES, WebhookSecret};
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::webhooks::{NewEndpoint, endpoints};
use rand::RngCore;
use uuid::Uuid;

use super::access::owner;
use super::out::{endpoint_out, events_in, url_in};
use crate::audit::{Change, snapshot};
use crate::error::ApiError;
use crate::use_cases::{Actor, Begun, Once, Work};

pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    body: CreateWebhookEndpoint,
) -> Result<Once<WebhookEndpointWithSecret>, ApiError> {
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let partner = owner(work.db(), &actor.me, body.partner_id).await?;
    let url = url_in(&body.url)?;
    let events = events_in(&body.events)?;
    let secret = new_secret();
    let new = NewEndpoint {
        id: Uuid::now_v7(),
        partner_id: partner.id,
        url,
        description: optional_text(body.description),
        events,
        secret: secret.clone(),
    };
    let endpoint = endpoints::insert(work.db(), new, work.now()).await?;
    let out = endpoint_out(&endpoint, work.now());
    work.audit(Change {
        action: "webhook_endpoint.create",
        entity: "webhook_endpoint",
        entity_id: endpoint.id,
        branch_id: Some(partner.branch_id),
        before: None,
        after: snapshot(&out),
    })
    .await?;
    work.finish(StatusCode::CREATED, WebhookEndpointWithSecret { endpoint: out, secret: secret.to_text() }).await
}

/// 256 random bits from the operating system.
pub(super) fn new_secret() -> WebhookSecret {
    let mut bytes = [0u8; SECRET_BYTES];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    WebhookSecret::from_random(bytes)
}
