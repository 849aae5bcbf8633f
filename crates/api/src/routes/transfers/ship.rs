use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::transfers::TransferDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::transfers::ship::ship;

/// Ship a draft transfer: every line leaves the source warehouse at its
/// moving-average cost (a `transfer_out` movement), all or nothing.
///
/// If any line is short, the answer is 409 naming the part and how many are
/// available, and nothing moves. Only the source side's people ship. Send an
/// `Idempotency-Key` to make a retry safe.
#[utoipa::path(
    post, path = "/api/v1/transfers/{id}/ship", tag = "transfers", operation_id = "ship_transfer",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Transfer id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 if the transfer changed since"),
    ),
    responses(
        (status = 200, description = "Shipped", body = TransferDto, headers(("ETag" = String, description = "New version"))),
        (status = 403, description = "You are not on the sending side, or your roles do not allow this", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such transfer in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not a draft, a warehouse or part closed, or a line short of stock (named)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The transfer changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/transfers/{id}/ship")]
pub async fn ship_transfer(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::MoveStock>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    key: IdempotencyKey,
) -> Result<HttpResponse, ApiError> {
    let answer = ship(&state.db, &Actor::new(me, request_id, key), *id, expected).await?;
    Ok(reply::once_tagged(StatusCode::OK, answer, |t| t.version))
}
