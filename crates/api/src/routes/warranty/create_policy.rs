use actix_web::{HttpResponse, post, web};
use aftersales_api_types::warranty::{CreatePolicy, PolicyDto};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::warranty::create_policy::create_policy as use_case;

/// Write a warranty policy for a brand, category or model; its terms become version 1.
#[utoipa::path(
    post, path = "/api/v1/warranty-policies", tag = "warranty", operation_id = "create_warranty_policy",
    security(("bearer" = [])),
    request_body = CreatePolicy,
    responses((status = 201, description = "Created", body = PolicyDto,
        headers(("Location" = String, description = "URL of the new policy")))),
)]
#[post("/api/v1/warranty-policies")]
pub async fn create_policy(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageWarranty>,
    request_id: RequestId,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<CreatePolicy>,
) -> Result<HttpResponse, ApiError> {
    let policy = use_case(&state.db, &Actor::new(me, request_id, key), body).await?;
    Ok(reply::created_at(policy, |v| format!("/api/v1/warranty-policies/{}", v.id)))
}
