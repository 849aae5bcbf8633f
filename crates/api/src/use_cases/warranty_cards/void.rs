//! Void a card that was never activated (lost, damaged), with the reason.
use actix_web::http::StatusCode;
use aftersales_api_types::warranty_cards::{CardDto, VoidCard};
use aftersales_domain::access::Permission;
use aftersales_domain::warranty_cards::CardStatus;
use aftersales_persistence::{DatabaseConnection, warranty_cards};
use serde_json::json;

use super::{card_key, card_out};
use crate::audit::Change;
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::{Actor, Begun, Once, Work};

/// 409 when the card is activated or already void. The audit row is the batch's.
pub async fn void(
    db: &DatabaseConnection,
    actor: &Actor,
    number: &str,
    body: VoidCard,
) -> Result<Once<CardDto>, ApiError> {
    actor.me.require(Permission::ManageWarranty)?;
    let key = card_key(number)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let card = warranty_cards::find(work.db(), &key).await.or_not_found("warranty card")?;
    if !warranty_cards::change_status(work.db(), &key, CardStatus::Issued, CardStatus::Void, None, work.now()).await? {
        return Err(ApiError::Conflict(format!(
            "the card is {}, only an issued card can be voided",
            card.status.as_str()
        )));
    }
    let out = card_out(&warranty_cards::find(work.db(), &key).await?);
    let change = Change {
        action: "warranty_card.void",
        entity: "warranty_card_batch",
        entity_id: card.batch_id,
        branch_id: None,
        before: None,
        after: Some(json!({"number": key, "reason": body.reason.trim()})),
    };
    work.audit(change).await?;
    work.finish(StatusCode::OK, out).await
}
