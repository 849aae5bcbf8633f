//! Partners' webhook endpoints and their delivery log (admins): `/webhooks`,
//! `/webhook-deliveries`.

use aftersales_api_types::Page;
use aftersales_api_types::webhooks::{
    CreateWebhookEndpoint, DeliveryStatus, UpdateWebhookEndpoint, WebhookDeliveryDetail, WebhookDeliveryDto,
    WebhookEndpointDto, WebhookEndpointWithSecret,
};
use gloo_net::http::Method;
use uuid::Uuid;

use super::settings::{create, update};
use super::{ApiError, Call, authed};
use crate::query::wire;
use crate::session::Session;

pub const WEBHOOKS: &str = "/webhooks";
pub const DELIVERIES: &str = "/webhook-deliveries";

/// `GET /webhooks?partner_id=…`: the partner's endpoints, oldest first (one list, not a page).
pub async fn endpoints(session: Session, partner: Uuid) -> Result<Vec<WebhookEndpointDto>, ApiError> {
    authed(session, Call::new(Method::GET, WEBHOOKS).query("partner_id", Some(partner.to_string()))).await
}

/// `POST /webhooks`: the answer holds the signing secret, this once.
pub async fn create_endpoint(
    session: Session,
    body: &CreateWebhookEndpoint,
) -> Result<WebhookEndpointWithSecret, ApiError> {
    create(session, WEBHOOKS, body).await
}

/// `GET /webhooks/{id}`.
pub async fn endpoint(session: Session, id: Uuid) -> Result<WebhookEndpointDto, ApiError> {
    authed(session, Call::new(Method::GET, format!("{WEBHOOKS}/{id}"))).await
}

/// `PATCH /webhooks/{id}` at the version read (412 if it changed since).
pub async fn update_endpoint(
    session: Session,
    id: Uuid,
    version: i64,
    body: &UpdateWebhookEndpoint,
) -> Result<WebhookEndpointDto, ApiError> {
    update(session, WEBHOOKS, id, version, body).await
}

/// `POST /webhooks/{id}/rotate-secret` at the version read: the new secret, this
/// once; the old one keeps signing until `endpoint.secret_rotated_until`.
pub async fn rotate_secret(session: Session, id: Uuid, version: i64) -> Result<WebhookEndpointWithSecret, ApiError> {
    authed(session, Call::new(Method::POST, format!("{WEBHOOKS}/{id}/rotate-secret")).if_match(version)).await
}

/// `POST /webhooks/{id}/ping`: a test message queued; the delivery to follow.
pub async fn ping(session: Session, id: Uuid) -> Result<WebhookDeliveryDto, ApiError> {
    authed(session, Call::new(Method::POST, format!("{WEBHOOKS}/{id}/ping"))).await
}

/// `GET /webhooks/{id}/deliveries`: one page of the endpoint's deliveries, newest first.
pub async fn deliveries(
    session: Session,
    endpoint: Uuid,
    status: Option<DeliveryStatus>,
    cursor: Option<String>,
) -> Result<Page<WebhookDeliveryDto>, ApiError> {
    let call = Call::new(Method::GET, format!("{WEBHOOKS}/{endpoint}/deliveries"))
        .query("status", status.as_ref().map(wire))
        .query("cursor", cursor);
    authed(session, call).await
}

/// `GET /webhook-deliveries/{id}`: the message as sent and every attempt.
pub async fn delivery(session: Session, id: Uuid) -> Result<WebhookDeliveryDetail, ApiError> {
    authed(session, Call::new(Method::GET, format!("{DELIVERIES}/{id}"))).await
}

/// `POST /webhook-deliveries/{id}/replay`: due again now, with the same `webhook-id`.
pub async fn replay(session: Session, id: Uuid) -> Result<WebhookDeliveryDto, ApiError> {
    authed(session, Call::new(Method::POST, format!("{DELIVERIES}/{id}/replay"))).await
}
