use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::fault_codes::{CreateFaultCode, FaultCodeDto};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::{Actor, fault_codes};

/// Add a code to a product category's symptom, diagnosis or resolution list.
///
/// The code is trimmed and upper-cased (`no_cooling` → `NO_COOLING`); it must be
/// new to that list (409 naming it otherwise).
#[utoipa::path(
    post, path = "/api/v1/fault-codes", tag = "service-catalogue", operation_id = "create_fault_code",
    security(("bearer" = [])),
    request_body = CreateFaultCode,
    responses(
        (status = 201, description = "Created", body = FaultCodeDto,
            headers(("Location" = String, description = "URL of the new code"), ("ETag" = String, description = "Version of the code"))),
        (status = 409, description = "The list already has this code", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/fault-codes")]
pub async fn create_fault_code(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ConfigureTickets>,
    request_id: RequestId,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<CreateFaultCode>,
) -> Result<HttpResponse, ApiError> {
    let code = fault_codes::create::create(&state.db, &Actor::new(me, request_id, key), body).await?;
    Ok(reply::created(code, |v| format!("/api/v1/fault-codes/{}", v.id), |v| v.version))
}
