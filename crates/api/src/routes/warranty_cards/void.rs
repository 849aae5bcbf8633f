use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::warranty_cards::{CardDto, VoidCard};
use aftersales_domain::warranty_cards::CardStatus;
use aftersales_persistence::{begin_write, warranty_cards};
use chrono::Utc;
use serde_json::json;

use crate::audit::{self, Change};
use crate::auth::{Authorized, need};
use crate::error::{ApiError, NotFoundAs};
use crate::extract::{RequestId, ValidatedJson};
use crate::state::AppState;
use crate::use_cases::warranty_cards::{card_key, card_out};

/// Void a card that was never activated (lost, damaged), with the reason.
#[utoipa::path(
    post, path = "/api/v1/warranty-cards/{number}/void", tag = "warranty", operation_id = "void_warranty_card",
    security(("bearer" = [])),
    params(("number" = String, Path, description = "Card number, e.g. DK000000018")),
    request_body = VoidCard,
    responses(
        (status = 200, description = "Voided", body = CardDto),
        (status = 404, description = "No such card", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The card is activated or already void", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/warranty-cards/{number}/void")]
pub async fn void(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageWarranty>,
    request_id: RequestId,
    number: web::Path<String>,
    ValidatedJson(body): ValidatedJson<VoidCard>,
) -> Result<HttpResponse, ApiError> {
    let key = card_key(&number)?;
    let now = Utc::now();
    let txn = begin_write(&state.db).await?;
    let card = warranty_cards::find(&txn, &key).await.or_not_found("warranty card")?;
    if !warranty_cards::change_status(&txn, &key, CardStatus::Issued, CardStatus::Void, None, now).await? {
        return Err(ApiError::Conflict(format!(
            "the card is {}, only an issued card can be voided",
            card.status.as_str()
        )));
    }
    let out = card_out(&warranty_cards::find(&txn, &key).await?);
    let change = Change {
        action: "warranty_card.void",
        entity: "warranty_card_batch",
        entity_id: card.batch_id,
        branch_id: None,
        before: None,
        after: Some(json!({"number": key, "reason": body.reason.trim()})),
    };
    audit::record(&txn, Some(me.user_id), &request_id, change).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(out))
}
