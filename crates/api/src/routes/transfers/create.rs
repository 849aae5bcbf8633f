use actix_web::{HttpResponse, post, web};
use aftersales_api_types::transfers::{CreateTransfer, TransferDto};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::transfers::create::create;

/// Draft a transfer of parts from a warehouse of your part of the network to any
/// other open warehouse. Nothing moves until it is shipped.
///
/// Each line names an active part, once, and 1 to 1 000 000 of it; a bad line is
/// a 422 naming it (`lines[2].quantity`). The number (`TR-HN01-2026-000001`)
/// follows the source branch's series without gaps.
#[utoipa::path(
    post, path = "/api/v1/transfers", tag = "transfers", operation_id = "create_transfer",
    security(("bearer" = [])),
    request_body = CreateTransfer,
    responses(
        (status = 201, description = "Drafted", body = TransferDto,
            headers(("Location" = String, description = "URL of the new transfer"), ("ETag" = String, description = "Version of the transfer"))),
    )
)]
#[post("/api/v1/transfers")]
pub async fn create_transfer(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::MoveStock>,
    request_id: RequestId,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<CreateTransfer>,
) -> Result<HttpResponse, ApiError> {
    let transfer = create(&state.db, &Actor::new(me, request_id, key), body).await?;
    Ok(reply::created(transfer, |v| format!("/api/v1/transfers/{}", v.id), |v| v.version))
}
