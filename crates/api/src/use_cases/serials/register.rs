//! Register a sold unit by its serial: the one way a unit enters the registry one
//! at a time (the bulk import stores checked rows of a file in one go).
use actix_web::http::StatusCode;
use aftersales_api_types::serials::{RegisterSerial, SerialUnitDto};
use aftersales_domain::access::Permission;
use aftersales_domain::serials::SerialUnit;
use aftersales_persistence::catalogue::models;
use aftersales_persistence::serials::{self, NewUnit, UnitFacts, owners};
use aftersales_persistence::{DatabaseConnection, StoreError};
use serde_json::json;
use uuid::Uuid;

use super::{record_change, serial_key, visible_customer};
use crate::audit::snapshot;
use crate::auth::Principal;
use crate::error::ApiError;
use crate::serial_dto::unit_out;
use crate::use_cases::{Actor, Begun, Once, Work};
use aftersales_domain::text::optional_text;

/// The brand is the model's. A serial the brand already has (however it is
/// written) or a warranty card on another unit is refused with 409. An owner given
/// here starts the unit's owner history, from the sale (or registration) day.
pub async fn register(
    db: &DatabaseConnection,
    actor: &Actor,
    body: RegisterSerial,
) -> Result<Once<SerialUnitDto>, ApiError> {
    actor.me.require(Permission::ManageCustomers)?;
    serial_key(&body.serial)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let (_, out) = register_unit(&work, &actor.me, body).await?;
    work.finish(StatusCode::CREATED, out).await
}

/// Registers the unit in `work`, for whichever use case sells one (the registry's
/// own form, an order from a platform, an exchange).
pub(crate) async fn register_unit(
    work: &Work,
    me: &Principal,
    body: RegisterSerial,
) -> Result<(SerialUnit, SerialUnitDto), ApiError> {
    let serial_key = serial_key(&body.serial)?;
    let (txn, now) = (work.db(), work.now());
    let model = match models::find(txn, body.model_id).await {
        Err(StoreError::NotFound) => {
            return Err(ApiError::field("model_id", "unknown_model", "there is no product model with this id"));
        }
        other => other?,
    };
    if let Some(owner) = body.owner_customer_id {
        visible_customer(txn, &me.scope, owner, "owner_customer_id").await?;
    }
    let facts = UnitFacts {
        lot: optional_text(body.lot),
        manufacture_date: body.manufacture_date,
        sale_date: body.sale_date,
        sale_document: optional_text(body.sale_document),
        seller: optional_text(body.seller),
        delivery_date: body.delivery_date,
        installation_date: body.installation_date,
        installation_address: optional_text(body.installation_address),
        registration_date: body.registration_date,
        warranty_card_number: optional_text(body.warranty_card_number),
        owner_customer_id: body.owner_customer_id,
    };
    let new = NewUnit {
        id: Uuid::now_v7(),
        brand_id: model.brand_id.uuid(),
        model_id: model.id.uuid(),
        serial: body.serial.trim().to_owned(),
        serial_key,
        facts,
    };
    let unit = serials::insert(txn, new, now).await?;
    if let Some(customer_id) = unit.owner_customer_id {
        let from_date = unit.sale_date.or(unit.registration_date).unwrap_or_else(|| now.date_naive());
        let ownership = owners::NewOwnership {
            serial_id: unit.id.uuid(),
            customer_id: customer_id.uuid(),
            from_date,
            note: None,
            created_by: Some(me.user_id),
        };
        owners::hand_over(txn, ownership, now).await?;
    }
    let out = unit_out(&unit);
    let details = json!({"serial": unit.serial, "model_id": unit.model_id.uuid(), "owner_customer_id": unit.owner_customer_id.map(Uuid::from)});
    record_change(work, &unit, ("registered", details), ("serial.register", None, snapshot(&out))).await?;
    if unit.sale_date.is_some() {
        let news = serde_json::to_value(&out).map_err(|e| ApiError::Internal(e.into()))?;
        crate::use_cases::webhooks::publish::warranty_news(work, unit.brand_id.uuid(), news).await?;
    }
    Ok((unit, out))
}
