use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, get, patch, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::webhooks::{
    CreateWebhookEndpoint, UpdateWebhookEndpoint, WebhookEndpointDto, WebhookEndpointQuery, WebhookEndpointWithSecret,
};
use uuid::Uuid;

use crate::auth::{StaffOrPartner, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson, ValidatedQuery, etag};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::webhooks::{endpoint_create, endpoint_list, endpoint_update};

/// List webhook endpoints: a partner's, or without `partner_id` every partner's in your part of
/// the network (a key lists its own partner's).
#[utoipa::path(
    get, path = "/api/v1/webhooks", tag = "webhooks", operation_id = "list_webhook_endpoints",
    security(("bearer" = []), ("api_key" = [])),
    params(WebhookEndpointQuery),
    responses(
        (status = 200, description = "The partner's endpoints, oldest first", body = Vec<WebhookEndpointDto>),
        (status = 404, description = "No such partner in your reach", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/webhooks")]
pub async fn list_webhook_endpoints(
    state: web::Data<AppState>,
    StaffOrPartner(me, ..): StaffOrPartner<need::ManageWebhooks>,
    ValidatedQuery(query): ValidatedQuery<WebhookEndpointQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(endpoint_list::list(&state.db, &me, query).await?))
}

/// Subscribe an endpoint to events. The answer carries the signing secret
/// (`whsec_…`); every message is signed with it by the Standard Webhooks scheme.
#[utoipa::path(
    post, path = "/api/v1/webhooks", tag = "webhooks", operation_id = "create_webhook_endpoint",
    security(("bearer" = []), ("api_key" = [])),
    request_body = CreateWebhookEndpoint,
    responses(
        (status = 201, description = "Subscribed; keep `secret` to verify signatures", body = WebhookEndpointWithSecret,
            headers(("Location" = String, description = "URL of the endpoint"), ("ETag" = String, description = "Version of the endpoint"))),
        (status = 404, description = "No such partner in your reach", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/webhooks")]
pub async fn create_webhook_endpoint(
    state: web::Data<AppState>,
    StaffOrPartner(me, ..): StaffOrPartner<need::ManageWebhooks>,
    request_id: RequestId,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<CreateWebhookEndpoint>,
) -> Result<HttpResponse, ApiError> {
    let created = endpoint_create::create(&state.db, &Actor::new(me, request_id, key), body).await?;
    Ok(reply::once_with(StatusCode::CREATED, created, |v: &WebhookEndpointWithSecret| {
        vec![
            (header::LOCATION, format!("/api/v1/webhooks/{}", v.endpoint.id)),
            (header::ETAG, etag(v.endpoint.version)),
            (header::CACHE_CONTROL, "no-store".into()),
        ]
    }))
}

/// One webhook endpoint.
#[utoipa::path(
    get, path = "/api/v1/webhooks/{id}", tag = "webhooks", operation_id = "get_webhook_endpoint",
    security(("bearer" = []), ("api_key" = [])),
    params(("id" = Uuid, Path, description = "Endpoint id")),
    responses(
        (status = 200, description = "The endpoint", body = WebhookEndpointDto, headers(("ETag" = String, description = "Version"))),
        (status = 404, description = "No such endpoint in your reach", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/webhooks/{id}")]
pub async fn get_webhook_endpoint(
    state: web::Data<AppState>,
    StaffOrPartner(me, ..): StaffOrPartner<need::ManageWebhooks>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let endpoint = endpoint_list::get(&state.db, &me, *id).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(endpoint.version))).json(endpoint))
}

/// Change an endpoint: its address, events, description, or switch it off (its
/// waiting deliveries are given up; replay them later) and on again.
#[utoipa::path(
    patch, path = "/api/v1/webhooks/{id}", tag = "webhooks", operation_id = "update_webhook_endpoint",
    security(("bearer" = []), ("api_key" = [])),
    params(
        ("id" = Uuid, Path, description = "Endpoint id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; the update fails with 412 if the endpoint changed since"),
    ),
    request_body = UpdateWebhookEndpoint,
    responses(
        (status = 200, description = "Updated", body = WebhookEndpointDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such endpoint in your reach", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/api/v1/webhooks/{id}")]
pub async fn update_webhook_endpoint(
    state: web::Data<AppState>,
    StaffOrPartner(me, ..): StaffOrPartner<need::ManageWebhooks>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<UpdateWebhookEndpoint>,
    IfMatch(expected): IfMatch,
) -> Result<HttpResponse, ApiError> {
    let endpoint = endpoint_update::update(&state.db, &Actor::once(me, request_id), *id, expected, body).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(endpoint.version))).json(endpoint))
}
