use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::warranty_cards::{ActivateCard, CardDto};
use aftersales_domain::serials::SerialUnit;
use aftersales_domain::warranty_cards::{CardStatus, check_activation};
use aftersales_persistence::serials::{self, UnitFacts, events};
use aftersales_persistence::{StoreError, begin_write, warranty_cards};
use chrono::Utc;
use serde_json::json;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::{ApiError, NotFoundAs};
use crate::extract::{RequestId, ValidatedJson};
use crate::state::AppState;
use crate::use_cases::warranty_cards::{card_key, card_out};

/// The unit's facts with the card on it; the activation day becomes the
/// registration day unless the unit was registered before.
fn with_card(unit: &SerialUnit, number: &str, on: chrono::NaiveDate) -> UnitFacts {
    UnitFacts {
        registration_date: unit.registration_date.or(Some(on)),
        warranty_card_number: Some(number.to_owned()),
        ..UnitFacts::of(unit)
    }
}

/// Activate a warranty card on a unit of its brand.
///
/// The card must be issued (not yet activated or voided) and the unit must carry
/// no other card. The activation day becomes the unit's registration day, from
/// which policies counting from registration start.
#[utoipa::path(
    post, path = "/api/v1/warranty-cards/{number}/activate", tag = "warranty", operation_id = "activate_warranty_card",
    security(("bearer" = [])),
    params(("number" = String, Path, description = "Card number, e.g. DK000000018")),
    request_body = ActivateCard,
    responses(
        (status = 200, description = "Activated", body = CardDto),
        (status = 404, description = "No such card", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already activated, voided, of another brand, or the unit has a card", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/warranty-cards/{number}/activate")]
pub async fn activate(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCustomers>,
    request_id: RequestId,
    number: web::Path<String>,
    ValidatedJson(body): ValidatedJson<ActivateCard>,
) -> Result<HttpResponse, ApiError> {
    let key = card_key(&number)?;
    let now = Utc::now();
    let txn = begin_write(&state.db).await?;
    let card = warranty_cards::find(&txn, &key).await.or_not_found("warranty card")?;
    let unit = match serials::find(&txn, body.serial_id).await {
        Err(StoreError::NotFound) => {
            return Err(ApiError::field("serial_id", "unknown_unit", "there is no unit with this id"));
        }
        other => other?,
    };
    check_activation(card.status, card.brand_id, unit.brand_id, unit.warranty_card_number.as_deref())
        .map_err(|e| ApiError::Conflict(e.to_string()))?;
    let on = body.activated_on;
    if !warranty_cards::change_status(&txn, &key, CardStatus::Issued, CardStatus::Activated, Some((unit.id, on)), now)
        .await?
    {
        return Err(ApiError::Conflict("the card was activated or voided a moment ago".into()));
    }
    serials::update_facts(&txn, &unit, None, with_card(&unit, &key, on), now).await?;
    events::record(&txn, unit.id, "card_activated", Some(me.user_id), json!({"card": key, "activated_on": on}), now)
        .await?;
    let card = warranty_cards::find(&txn, &key).await?;
    let out = card_out(&card);
    let change = Change {
        action: "warranty_card.activate",
        entity: "serial",
        entity_id: unit.id,
        branch_id: None,
        before: None,
        after: snapshot(&out),
    };
    audit::record(&txn, Some(me.user_id), &request_id, change).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(out))
}
