use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::partners::{CreateApiKey, CreatedApiKey};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::state::AppState;
use crate::use_cases::{Actor, partners};

/// Create an API key for a partner. The answer holds the key's secret, shown
/// this once: it is stored only as a SHA-256 digest and cannot be read again.
///
/// The key is sent as `Authorization: Bearer ask_live_…` or `X-Api-Key`.
#[utoipa::path(
    post, path = "/api/v1/partners/{id}/api-keys", tag = "partners", operation_id = "create_partner_api_key",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Partner id")),
    request_body = CreateApiKey,
    responses(
        (status = 201, description = "Created; `secret` is shown only now", body = CreatedApiKey),
        (status = 404, description = "No such partner in your part of the network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/partners/{id}/api-keys")]
pub async fn create_partner_api_key(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManagePartners>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<CreateApiKey>,
) -> Result<HttpResponse, ApiError> {
    let created = partners::key_create::create_key(&state.db, &Actor::once(me, request_id), *id, body).await?;
    // The secret must not linger in any cache between here and the admin.
    Ok(HttpResponse::Created().insert_header(("Cache-Control", "no-store")).json(created))
}
