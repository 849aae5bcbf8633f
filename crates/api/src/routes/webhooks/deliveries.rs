use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};
use aftersales_api_types::webhooks::{WebhookDeliveryDetail, WebhookDeliveryDto, WebhookDeliveryQuery};
use aftersales_api_types::{Page, Problem};
use uuid::Uuid;

use crate::auth::{StaffOrPartner, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedQuery};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::webhooks::deliveries;

/// An endpoint's delivery log, newest first.
#[utoipa::path(
    get, path = "/api/v1/webhooks/{id}/deliveries", tag = "webhooks", operation_id = "list_webhook_deliveries",
    security(("bearer" = []), ("api_key" = [])),
    params(("id" = Uuid, Path, description = "Endpoint id"), WebhookDeliveryQuery),
    responses(
        (status = 200, description = "One page of deliveries", body = Page<WebhookDeliveryDto>),
        (status = 404, description = "No such endpoint in your reach", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/webhooks/{id}/deliveries")]
pub async fn list_webhook_deliveries(
    state: web::Data<AppState>,
    StaffOrPartner(me, ..): StaffOrPartner<need::ManageWebhooks>,
    id: web::Path<Uuid>,
    ValidatedQuery(query): ValidatedQuery<WebhookDeliveryQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(deliveries::list(&state.db, &me, *id, query).await?))
}

/// A delivery: the message as signed and sent, and every attempt with the
/// receiver's answer.
#[utoipa::path(
    get, path = "/api/v1/webhook-deliveries/{id}", tag = "webhooks", operation_id = "get_webhook_delivery",
    security(("bearer" = []), ("api_key" = [])),
    params(("id" = Uuid, Path, description = "Delivery id")),
    responses(
        (status = 200, description = "The delivery and its attempts", body = WebhookDeliveryDetail),
        (status = 404, description = "No such delivery in your reach", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/webhook-deliveries/{id}")]
pub async fn get_webhook_delivery(
    state: web::Data<AppState>,
    StaffOrPartner(me, ..): StaffOrPartner<need::ManageWebhooks>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(deliveries::get(&state.db, &me, *id).await?))
}

/// Send a delivery again now, from the start of the retry schedule, with the
/// same `webhook-id` (a receiver that has it can drop the repeat).
#[utoipa::path(
    post, path = "/api/v1/webhook-deliveries/{id}/replay", tag = "webhooks", operation_id = "replay_webhook_delivery",
    security(("bearer" = []), ("api_key" = [])),
    params(("id" = Uuid, Path, description = "Delivery id")),
    responses(
        (status = 202, description = "Due again now", body = WebhookDeliveryDto),
        (status = 404, description = "No such delivery in your reach", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The endpoint is switched off", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/webhook-deliveries/{id}/replay")]
pub async fn replay_webhook_delivery(
    state: web::Data<AppState>,
    StaffOrPartner(me, ..): StaffOrPartner<need::ManageWebhooks>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let delivery = deliveries::replay(&state.db, &Actor::new(me, request_id, key), *id).await?;
    Ok(reply::once::<WebhookDeliveryDto>(StatusCode::ACCEPTED, delivery))
}
