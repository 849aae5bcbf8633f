use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::partners::ApiKeyDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::RequestId;
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::{Actor, partners};

/// Revoke a partner's API key: it is refused (401) from now on. Revoking a
/// revoked key changes nothing.
#[utoipa::path(
    post, path = "/api/v1/partners/{id}/api-keys/{key_id}/revoke", tag = "partners",
    operation_id = "revoke_partner_api_key",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Partner id"), ("key_id" = Uuid, Path, description = "API key id")),
    responses(
        (status = 200, description = "Revoked", body = ApiKeyDto),
        (status = 404, description = "No such partner or key", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/partners/{id}/api-keys/{key_id}/revoke")]
pub async fn revoke_partner_api_key(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManagePartners>,
    request_id: RequestId,
    key: IdempotencyKey,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (id, key_id) = path.into_inner();
    let revoked = partners::key_revoke::revoke_key(&state.db, &Actor::new(me, request_id, key), id, key_id).await?;
    Ok(reply::once(actix_web::http::StatusCode::OK, revoked))
}
