use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::partners::ApiKeyDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::state::AppState;
use crate::use_cases::partners;

/// A partner's API keys, newest first, revoked ones included: prefix, scopes,
/// expiry and last use. Secrets are never shown again.
#[utoipa::path(
    get, path = "/api/v1/partners/{id}/api-keys", tag = "partners", operation_id = "list_partner_api_keys",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Partner id")),
    responses(
        (status = 200, description = "The partner's keys", body = Vec<ApiKeyDto>),
        (status = 404, description = "No such partner in your part of the network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/partners/{id}/api-keys")]
pub async fn list_partner_api_keys(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManagePartners>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(partners::key_list::list_keys(&state.db, &me, *id).await?))
}
