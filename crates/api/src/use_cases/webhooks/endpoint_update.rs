//! Change an endpoint: address, events, description, or switch it off and on.
//! Switching it off gives up its waiting deliveries (they can be replayed).
use aftersales_api_types::webhooks::{UpdateWebhookEndpoint, WebhookEndpointDto};
use aftersales_domain::text::optional_text;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::webhooks::{EndpointChanges, endpoints, outbox};
use uuid::Uuid;

use super::access::endpoint_in_reach;
use super::out::{endpoint_out, events_in, url_in};
use crate::audit::{Change, snapshot};
use crate::error::ApiError;
use crate::use_cases::{Actor, Work};

/// 412 when the endpoint is no longer at `expected`.
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    expected: Option<i64>,
    body: UpdateWebhookEndpoint,
) -> Result<WebhookEndpointDto, ApiError> {
    let work = Work::begin(db, actor).await?;
    let current = endpoint_in_reach(work.db(), &actor.me, id).await?;
    let changes = EndpointChanges {
        url: body.url.as_deref().map(url_in).transpose()?,
        description: body.description.map(optional_text),
        events: body.events.as_deref().map(events_in).transpose()?,
        active: body.active,
    };
    let switched_off = changes.active == Some(false) && current.active;
    let endpoint = endpoints::update(work.db(), &current, expected, changes, work.now()).await?;
    if switched_off {
        outbox::fail_pending_of(work.db(), endpoint.id, "the endpoint was switched off").await?;
    }
    let out = endpoint_out(&endpoint, work.now());
    work.audit(Change {
        action: "webhook_endpoint.update",
        entity: "webhook_endpoint",
        entity_id: endpoint.id,
        branch_id: None,
        before: snapshot(&endpoint_out(&current, work.now())),
        after: snapshot(&out),
    })
    .await?;
    work.commit().await?;
    Ok(out)
}
