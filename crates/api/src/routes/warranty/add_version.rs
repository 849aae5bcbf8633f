use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::warranty::{PolicyDto, PolicyTerms};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::warranty::add_version::add_version as use_case;

/// Publish new terms for a policy from a date; the version before ends that day.
///
/// Versions are never edited: units sold before the new date keep the terms they
/// were sold under.
#[utoipa::path(
    post, path = "/api/v1/warranty-policies/{id}/versions", tag = "warranty", operation_id = "add_warranty_policy_version",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Policy id")),
    request_body = PolicyTerms,
    responses(
        (status = 201, description = "Published; the policy with all its versions", body = PolicyDto),
        (status = 404, description = "No such policy", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The new version does not start after the latest one", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/warranty-policies/{id}/versions")]
pub async fn add_version(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageWarranty>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<PolicyTerms>,
) -> Result<HttpResponse, ApiError> {
    let policy = use_case(&state.db, &Actor::new(me, request_id, key), *id, body).await?;
    Ok(reply::once(StatusCode::CREATED, policy))
}
