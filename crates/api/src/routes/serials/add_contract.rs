use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::serial_records::{AddContract, ContractDto};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::serials::add_contract::add_contract;

/// Add an extended warranty or service contract bought for the unit.
///
/// Evaluating the unit by `serial_id` then takes the contract into account.
#[utoipa::path(
    post, path = "/api/v1/serials/{id}/contracts", tag = "serials", operation_id = "add_serial_contract",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Unit id")),
    request_body = AddContract,
    responses(
        (status = 201, description = "Added", body = ContractDto),
        (status = 404, description = "No such unit", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/serials/{id}/contracts")]
pub async fn add_serial_contract(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageWarranty>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<AddContract>,
) -> Result<HttpResponse, ApiError> {
    let contract = add_contract(&state.db, &Actor::new(me, request_id, key), *id, body).await?;
    Ok(reply::once(StatusCode::CREATED, contract))
}
