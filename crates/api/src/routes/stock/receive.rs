use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::stock::{MovementResult, ReceiveStock};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::stock::receive;

/// Receive parts into a warehouse at a unit cost; the warehouse's moving-average
/// cost follows. Send an `Idempotency-Key` to make a retry safe.
#[utoipa::path(
    post, path = "/api/v1/stock/receipts", tag = "stock", operation_id = "receive_stock",
    security(("bearer" = [])),
    request_body = ReceiveStock,
    responses(
        (status = 201, description = "Received", body = MovementResult),
    )
)]
#[post("/api/v1/stock/receipts")]
pub async fn receive_stock(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::MoveStock>,
    request_id: RequestId,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<ReceiveStock>,
) -> Result<HttpResponse, ApiError> {
    let answer = receive::receive(&state.db, &Actor::new(me, request_id, key), body).await?;
    Ok(reply::once(StatusCode::CREATED, answer))
}
