use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::warranty_cards::{CardBatchDto, IssueCardBatch};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::warranty_cards::issue_batch::issue_batch as use_case;

/// Issue a batch of warranty cards for a brand, numbered after the last card
/// issued with the same prefix.
#[utoipa::path(
    post, path = "/api/v1/warranty-cards/batches", tag = "warranty", operation_id = "issue_warranty_card_batch",
    security(("bearer" = [])),
    request_body = IssueCardBatch,
    responses(
        (status = 201, description = "Issued", body = CardBatchDto),
        (status = 409, description = "Another batch with this prefix was issued at the same moment; retry", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/warranty-cards/batches")]
pub async fn issue_batch(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageWarranty>,
    request_id: RequestId,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<IssueCardBatch>,
) -> Result<HttpResponse, ApiError> {
    let batch = use_case(&state.db, &Actor::new(me, request_id, key), body).await?;
    Ok(reply::once(StatusCode::CREATED, batch))
}
