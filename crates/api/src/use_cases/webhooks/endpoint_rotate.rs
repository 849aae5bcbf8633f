//! Rotate an endpoint's secret: the new one signs from now on; the old one keeps
//! signing alongside it for a day, so the receiver can switch without a gap.
use actix_web::http::StatusCode;
use aftersales_api_types::webhooks::WebhookEndpointWithSecret;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::webhooks::endpoints;
use uuid::Uuid;

use super::access::endpoint_in_reach;
use super::endpoint_create::new_secret;
use super::out::endpoint_out;
use crate::audit::{Change, snapshot};
use crate::error::ApiError;
use crate::use_cases::{Actor, Begun, Once, Work};

pub async fn rotate(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    expected: Option<i64>,
) -> Result<Once<WebhookEndpointWithSecret>, ApiError> {
    let work = match Work::begin_retryable(db, actor, &()).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let current = endpoint_in_reach(work.db(), &actor.me, id).await?;
    let secret = new_secret();
    let endpoint = endpoints::rotate_secret(work.db(), &current, expected, &secret, work.now()).await?;
    let out = endpoint_out(&endpoint, work.now());
    work.audit(Change {
        action: "webhook_endpoint.rotate_secret",
        entity: "webhook_endpoint",
        entity_id: endpoint.id,
        branch_id: None,
        before: snapshot(&endpoint_out(&current, work.now())),
        after: snapshot(&out),
    })
    .await?;
    work.finish(StatusCode::OK, WebhookEndpointWithSecret { endpoint: out, secret: secret.to_text() }).await
}
