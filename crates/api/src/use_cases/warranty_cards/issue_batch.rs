//! Issue a batch of warranty cards for a brand, numbered after the last card issued
//! with the same prefix.
use actix_web::http::StatusCode;
use aftersales_api_types::warranty_cards::{CardBatchDto, IssueCardBatch};
use aftersales_domain::access::Permission;
use aftersales_domain::text::optional_text;
use aftersales_persistence::catalogue::brands;
use aftersales_persistence::{DatabaseConnection, StoreError, warranty_cards};

use super::batch_out;
use crate::audit::{Change, snapshot};
use crate::error::ApiError;
use crate::use_cases::{Actor, Begun, Once, Work};

/// 409 when another batch with this prefix was issued at the same moment (retry).
pub async fn issue_batch(
    db: &DatabaseConnection,
    actor: &Actor,
    body: IssueCardBatch,
) -> Result<Once<CardBatchDto>, ApiError> {
    actor.me.require(Permission::ManageWarranty)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    match brands::find(work.db(), body.brand_id).await {
        Err(StoreError::NotFound) => {
            return Err(ApiError::field("brand_id", "unknown_brand", "there is no brand with this id"));
        }
        other => other?,
    };
    let note = optional_text(body.note);
    let batch = warranty_cards::issue_batch(
        work.db(),
        body.brand_id,
        &body.prefix,
        body.count,
        note,
        Some(actor.user_id()),
        work.now(),
    )
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
    work.audit(change).await?;
    work.finish(StatusCode::CREATED, out).await
}
