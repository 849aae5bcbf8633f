use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::warranty_cards::{CardBatchDto, IssueCardBatch};
use aftersales_persistence::catalogue::brands;
use aftersales_persistence::{StoreError, begin_write, warranty_cards};
use chrono::Utc;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::state::AppState;
use crate::use_cases::warranty_cards::batch_out;

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
    ValidatedJson(body): ValidatedJson<IssueCardBatch>,
) -> Result<HttpResponse, ApiError> {
    let txn = begin_write(&state.db).await?;
    match brands::find(&txn, body.brand_id).await {
        Err(StoreError::NotFound) => {
            return Err(ApiError::field("brand_id", "unknown_brand", "there is no brand with this id"));
        }
        other => other?,
    };
    let note = body.note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
    let batch =
        warranty_cards::issue_batch(&txn, body.brand_id, &body.prefix, body.count, note, Some(me.user_id), Utc::now())
            .await?;
    let out = batch_out(&batch);
    let change = Change {
        action: "warranty_card_batch.issue",
        entity: "warranty_card_batch",
        entity_id: batch.id,
        branch_id: None,
        before: None,
        after: snapshot(&out),
    };
    audit::record(&txn, Some(me.user_id), &request_id, change).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}
