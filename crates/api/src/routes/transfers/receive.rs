use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::transfers::{ReceiveTransfer, TransferDto};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::transfers::receive::receive;

/// Receive what arrived of a shipped transfer into the destination warehouse, at
/// the cost it was shipped at (a `transfer_in` movement per line).
///
/// Partial receipts are fine; the rest stays in transit. More than is in transit
/// is a 422 naming the line (`lines[0].quantity`). Only the destination side's
/// people receive. Two people receiving at once take turns: the second sees what
/// the first received. Send an `Idempotency-Key` to make a retry safe.
#[utoipa::path(
    post, path = "/api/v1/transfers/{id}/receive", tag = "transfers", operation_id = "receive_transfer",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Transfer id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 if the transfer changed since"),
    ),
    request_body = ReceiveTransfer,
    responses(
        (status = 200, description = "Received", body = TransferDto, headers(("ETag" = String, description = "New version"))),
        (status = 403, description = "You are not on the receiving side, or your roles do not allow this", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such transfer in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not in transit (a draft, received or closed), or the destination is closed", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The transfer changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/transfers/{id}/receive")]
pub async fn receive_transfer(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::MoveStock>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<ReceiveTransfer>,
) -> Result<HttpResponse, ApiError> {
    let answer = receive(&state.db, &Actor::new(me, request_id, key), *id, expected, body).await?;
    Ok(reply::once_tagged(StatusCode::OK, answer, |t| t.version))
}
