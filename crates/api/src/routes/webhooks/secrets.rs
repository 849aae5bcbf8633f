use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::webhooks::{WebhookDeliveryDto, WebhookEndpointWithSecret};
use uuid::Uuid;

use crate::auth::{StaffOrPartner, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, etag};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::webhooks::{endpoint_ping, endpoint_rotate};

/// Rotate an endpoint's signing secret. Messages are signed with the new one
/// from now on, and for 24 hours with the old one too (`webhook-signature`
/// carries both), so the receiver can switch without dropping any.
#[utoipa::path(
    post, path = "/api/v1/webhooks/{id}/rotate-secret", tag = "webhooks", operation_id = "rotate_webhook_secret",
    security(("bearer" = []), ("api_key" = [])),
    params(
        ("id" = Uuid, Path, description = "Endpoint id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read"),
    ),
    responses(
        (status = 200, description = "The new secret", body = WebhookEndpointWithSecret, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such endpoint in your reach", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/webhooks/{id}/rotate-secret")]
pub async fn rotate_webhook_secret(
    state: web::Data<AppState>,
    StaffOrPartner(me, ..): StaffOrPartner<need::ManageWebhooks>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
) -> Result<HttpResponse, ApiError> {
    let rotated = endpoint_rotate::rotate(&state.db, &Actor::new(me, request_id, key), *id, expected).await?;
    Ok(reply::once_with(StatusCode::OK, rotated, |v: &WebhookEndpointWithSecret| {
        vec![(header::ETAG, etag(v.endpoint.version)), (header::CACHE_CONTROL, "no-store".into())]
    }))
}

/// Send the endpoint a test message (`webhook.ping`) now; follow it in the
/// delivery log.
#[utoipa::path(
    post, path = "/api/v1/webhooks/{id}/ping", tag = "webhooks", operation_id = "ping_webhook_endpoint",
    security(("bearer" = []), ("api_key" = [])),
    params(("id" = Uuid, Path, description = "Endpoint id")),
    responses(
        (status = 202, description = "Queued; the delivery to follow", body = WebhookDeliveryDto),
        (status = 404, description = "No such endpoint in your reach", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The endpoint is switched off", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/webhooks/{id}/ping")]
pub async fn ping_webhook_endpoint(
    state: web::Data<AppState>,
    StaffOrPartner(me, ..): StaffOrPartner<need::ManageWebhooks>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let delivery = endpoint_ping::ping(&state.db, &Actor::new(me, request_id, key), *id).await?;
    Ok(reply::once::<WebhookDeliveryDto>(StatusCode::ACCEPTED, delivery))
}
