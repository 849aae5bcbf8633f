//! Activate a warranty card on a unit of its brand.
use actix_web::http::StatusCode;
use aftersales_api_types::warranty_cards::{ActivateCard, CardDto};
use aftersales_domain::access::Permission;
use aftersales_domain::serials::SerialUnit;
use aftersales_domain::warranty_cards::{CardStatus, check_activation};
use aftersales_persistence::serials::{self, UnitFacts};
use aftersales_persistence::{DatabaseConnection, StoreError, warranty_cards};
use chrono::NaiveDate;
use serde_json::json;

use super::{card_key, card_out};
use crate::audit::snapshot;
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::serials::{unit_audit, unit_event};
use crate::use_cases::{Actor, Begun, Once, Work};

/// The card must be issued (not yet activated or voided) and the unit must carry
/// no other card (409 otherwise). The activation day becomes the unit's
/// registration day, from which policies counting from registration start.
pub async fn activate(
    db: &DatabaseConnection,
    actor: &Actor,
    number: &str,
    body: ActivateCard,
) -> Result<Once<CardDto>, ApiError> {
    actor.me.require(Permission::ManageCustomers)?;
    let key = card_key(number)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let (txn, now) = (work.db(), work.now());
    let card = warranty_cards::find(txn, &key).await.or_not_found("warranty card")?;
    let unit = match serials::find(txn, body.serial_id).await {
        Err(StoreError::NotFound) => {
            return Err(ApiError::field("serial_id", "unknown_unit", "there is no unit with this id"));
        }
        other => other?,
    };
    check_activation(card.status, card.brand_id, unit.brand_id.uuid(), unit.warranty_card_number.as_deref())
        .map_err(|e| ApiError::Conflict(e.to_string()))?;
    let on = body.activated_on;
    if !warranty_cards::change_status(
        txn,
        &key,
        CardStatus::Issued,
        CardStatus::Activated,
        Some((unit.id.uuid(), on)),
        now,
    )
    .await?
    {
        return Err(ApiError::Conflict("the card was activated or voided a moment ago".into()));
    }
    serials::update_facts(txn, &unit, None, with_card(&unit, &key, on), now).await?;
    unit_event(&work, unit.id.uuid(), "card_activated", json!({"card": key, "activated_on": on})).await?;
    let out = card_out(&warranty_cards::find(txn, &key).await?);
    unit_audit(&work, "warranty_card.activate", unit.id.uuid(), None, snapshot(&out)).await?;
    work.finish(StatusCode::OK, out).await
}

/// The unit's facts with the card on it; the activation day becomes the
/// registration day unless the unit was registered before.
fn with_card(unit: &SerialUnit, number: &str, on: NaiveDate) -> UnitFacts {
    UnitFacts {
        registration_date: unit.registration_date.or(Some(on)),
        warranty_card_number: Some(number.to_owned()),
        ..UnitFacts::of(unit)
    }
}
