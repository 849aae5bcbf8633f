use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::stock::{IssueStock, MovementResult};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::stock::issue;

/// Issue parts from a warehouse, for a ticket when `ticket_id` is given, at the
/// warehouse's moving-average cost. Stock never goes negative: asking for more than
/// is available (on hand and not reserved) answers 409 saying how many are. Send an
/// `Idempotency-Key` to make a retry safe.
#[utoipa::path(
    post, path = "/api/v1/stock/issues", tag = "stock", operation_id = "issue_stock",
    security(("bearer" = [])),
    request_body = IssueStock,
    responses(
        (status = 201, description = "Issued", body = MovementResult),
        (status = 409, description = "Not enough stock; the detail says how many are available", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/stock/issues")]
pub async fn issue_stock(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::MoveStock>,
    request_id: RequestId,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<IssueStock>,
) -> Result<HttpResponse, ApiError> {
    let answer = issue::issue(&state.db, &Actor::new(me, request_id, key), body).await?;
    Ok(reply::once(StatusCode::CREATED, answer))
}
