use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::serial_records::{RecordSwap, SwapDto};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::serials::record_swap::record_swap;

/// Record a component replaced in the unit.
///
/// The new part is guaranteed for `warranty_days`, by default the repair warranty
/// of the policy in force for the unit; evaluating the unit by `serial_id` then
/// counts the swap as an earlier repair.
#[utoipa::path(
    post, path = "/api/v1/serials/{id}/component-swaps", tag = "serials", operation_id = "record_component_swap",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Unit id")),
    request_body = RecordSwap,
    responses(
        (status = 201, description = "Recorded", body = SwapDto),
        (status = 404, description = "No such unit", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/serials/{id}/component-swaps")]
pub async fn record_component_swap(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCustomers>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<RecordSwap>,
) -> Result<HttpResponse, ApiError> {
    let swap = record_swap(&state.db, &Actor::new(me, request_id, key), *id, body).await?;
    Ok(reply::once(StatusCode::CREATED, swap))
}
