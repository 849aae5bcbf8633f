use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::transfers::{CloseTransfer, TransferDto};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::transfers::close::close_with_discrepancy;

/// Close a transfer whose rest will never arrive: for every part still in
/// transit, say how many are missing (exactly what is in transit) and why.
///
/// The missing units left the source's stock when shipped and arrive nowhere;
/// the lines keep the discrepancy and its note. A part in transit left out is a
/// 422 on `lines`; a wrong count a 422 naming the line (`lines[0].missing`).
/// Only the destination side's people close a transfer.
#[utoipa::path(
    post, path = "/api/v1/transfers/{id}/close-with-discrepancy", tag = "transfers", operation_id = "close_transfer",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Transfer id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 if the transfer changed since"),
    ),
    request_body = CloseTransfer,
    responses(
        (status = 200, description = "Closed with the discrepancy recorded", body = TransferDto, headers(("ETag" = String, description = "New version"))),
        (status = 403, description = "You are not on the receiving side, or your roles do not allow this", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such transfer in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Nothing is in transit (a draft, received or closed)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The transfer changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/transfers/{id}/close-with-discrepancy")]
pub async fn close_transfer(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::MoveStock>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<CloseTransfer>,
) -> Result<HttpResponse, ApiError> {
    let answer = close_with_discrepancy(&state.db, &Actor::new(me, request_id, key), *id, expected, body).await?;
    Ok(reply::once_tagged(StatusCode::OK, answer, |t| t.version))
}
