//! Send a test message (`webhook.ping`) to one endpoint, through the outbox like
//! any event: its delivery shows in the log.
use actix_web::http::StatusCode;
use aftersales_api_types::webhooks::WebhookDeliveryDto;
use aftersales_domain::webhooks::WebhookEvent;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::webhooks::outbox;
use uuid::Uuid;

use super::access::endpoint_in_reach;
use super::out::delivery_out;
use crate::error::ApiError;
use crate::use_cases::{Actor, Begun, Once, Work};

/// 409 for an endpoint that is switched off.
pub async fn ping(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> Result<Once<WebhookDeliveryDto>, ApiError> {
    let work = match Work::begin_retryable(db, actor, &()).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let endpoint = endpoint_in_reach(work.db(), &actor.me, id).await?;
    if !endpoint.active {
        return Err(ApiError::Conflict("the endpoint is switched off; switch it on to send it messages".into()));
    }
    let data = serde_json::json!({"endpoint_id": endpoint.id, "partner_id": endpoint.partner_id});
    let deliveries = work.publish(WebhookEvent::Ping, data, &[endpoint.id]).await?;
    let delivery_id = deliveries.first().copied().ok_or_else(|| ApiError::Internal(anyhow::anyhow!("no delivery")))?;
    let delivery = outbox::find(work.db(), delivery_id).await?;
    work.finish(StatusCode::ACCEPTED, delivery_out(&delivery)).await
}
