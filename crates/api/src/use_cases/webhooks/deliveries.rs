//! An endpoint's delivery log, one delivery with its attempts, and replay.
use actix_web::http::StatusCode;
use aftersales_api_types::Page;
use aftersales_api_types::webhooks::{WebhookDeliveryDetail, WebhookDeliveryDto, WebhookDeliveryQuery};
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::webhooks::outbox;
use uuid::Uuid;

use super::access::endpoint_in_reach;
use super::out::{attempt_out, delivery_out, status_in};
use crate::auth::Principal;
use crate::error::{ApiError, NotFoundAs};
use crate::pagination;
use crate::use_cases::{Actor, Begun, Once, Work};

/// The endpoint's deliveries, newest first.
pub async fn list(
    db: &DatabaseConnection,
    me: &Principal,
    endpoint_id: Uuid,
    query: WebhookDeliveryQuery,
) -> Result<Page<WebhookDeliveryDto>, ApiError> {
    let endpoint = endpoint_in_reach(db, me, endpoint_id).await?;
    let limit = pagination::limit(query.limit);
    let before = pagination::decode_id_cursor(query.cursor.as_deref())?;
    let rows = outbox::of_endpoint(db, endpoint.id, query.status.map(status_in), before, limit).await?;
    Ok(pagination::page(rows, limit, |d| d.id.to_string(), delivery_out))
}

/// A delivery, the message it sends and every attempt; 404 unless its endpoint
/// is the caller's to manage.
pub async fn get(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<WebhookDeliveryDetail, ApiError> {
    let delivery = outbox::find(db, id).await.or_not_found("webhook delivery")?;
    endpoint_in_reach(db, me, delivery.endpoint_id).await.map_err(delivery_not_found)?;
    let payload = outbox::payload_of(db, delivery.event_id).await?;
    let attempts = outbox::attempts_of(db, delivery.id).await?;
    Ok(WebhookDeliveryDetail {
        delivery: delivery_out(&delivery),
        payload,
        attempts: attempts.iter().map(attempt_out).collect(),
    })
}

/// Sends the delivery again, due now, from the start of the retry schedule (the
/// same `webhook-id`, so a receiver that has it already can drop it); 409 when
/// its endpoint is switched off.
pub async fn replay(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> Result<Once<WebhookDeliveryDto>, ApiError> {
    let work = match Work::begin_retryable(db, actor, &()).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let delivery = outbox::find(work.db(), id).await.or_not_found("webhook delivery")?;
    let endpoint = endpoint_in_reach(work.db(), &actor.me, delivery.endpoint_id).await.map_err(delivery_not_found)?;
    if !endpoint.active {
        return Err(ApiError::Conflict("the endpoint is switched off; switch it on to send it messages".into()));
    }
    let replayed = outbox::replay(work.db(), delivery.id, work.now()).await?;
    work.audit(crate::audit::Change {
        action: "webhook_delivery.replay",
        entity: "webhook_delivery",
        entity_id: delivery.id,
        branch_id: None,
        before: crate::audit::snapshot(&delivery_out(&delivery)),
        after: crate::audit::snapshot(&delivery_out(&replayed)),
    })
    .await?;
    work.mark_published();
    work.finish(StatusCode::ACCEPTED, delivery_out(&replayed)).await
}

/// A delivery of an endpoint out of reach is not found either (a 403 stays one).
fn delivery_not_found(e: ApiError) -> ApiError {
    match e {
        ApiError::NotFound(_) => ApiError::not_found("webhook delivery"),
        other => other,
    }
}
