//! Change the facts of a unit: absent fields stay, `null` clears.
use aftersales_api_types::serials::{SerialUnitDto, UpdateSerial};
use aftersales_domain::access::Permission;
use aftersales_domain::serials::SerialUnit;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::serials::{self, UnitFacts};
use serde_json::{Value, json};
use uuid::Uuid;

use super::{unit_audit, unit_event};
use crate::audit::snapshot;
use crate::error::{ApiError, NotFoundAs};
use crate::serial_dto::unit_out;
use crate::use_cases::{Actor, Work};
use aftersales_domain::text::optional_text;

/// Each kind of change (sale, delivery, installation, card, manufacture) adds an
/// event to the unit's history. `expected` is the version the client read (412 if
/// the unit changed since); a card number on another unit is refused with 409.
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    body: UpdateSerial,
    expected: Option<i64>,
) -> Result<SerialUnitDto, ApiError> {
    actor.me.require(Permission::ManageCustomers)?;
    let work = Work::begin(db, actor).await?;
    let current = serials::find(work.db(), id).await.or_not_found("unit")?;
    if expected.is_some_and(|v| v != current.version) {
        return Err(ApiError::PreconditionFailed);
    }
    let updated = serials::update_facts(work.db(), &current, expected, facts_after(&current, body), work.now()).await?;
    for (kind, details) in change_events(&current, &updated) {
        unit_event(&work, updated.id.uuid(), kind, details).await?;
    }
    let out = unit_out(&updated);
    unit_audit(&work, "serial.update", updated.id.uuid(), snapshot(&unit_out(&current)), snapshot(&out)).await?;
    work.commit().await?;
    Ok(out)
}

fn text(change: Option<Option<String>>, current: &Option<String>) -> Option<String> {
    match change {
        Some(new) => optional_text(new),
        None => current.clone(),
    }
}

fn facts_after(u: &SerialUnit, b: UpdateSerial) -> UnitFacts {
    UnitFacts {
        lot: text(b.lot, &u.lot),
        manufacture_date: b.manufacture_date.unwrap_or(u.manufacture_date),
        sale_date: b.sale_date.unwrap_or(u.sale_date),
        sale_document: text(b.sale_document, &u.sale_document),
        seller: text(b.seller, &u.seller),
        delivery_date: b.delivery_date.unwrap_or(u.delivery_date),
        installation_date: b.installation_date.unwrap_or(u.installation_date),
        installation_address: text(b.installation_address, &u.installation_address),
        registration_date: b.registration_date.unwrap_or(u.registration_date),
        warranty_card_number: text(b.warranty_card_number, &u.warranty_card_number),
        owner_customer_id: u.owner_customer_id.map(uuid::Uuid::from),
    }
}

/// One event per kind of change, with the facts of that kind as they are now.
fn change_events(before: &SerialUnit, after: &SerialUnit) -> Vec<(&'static str, Value)> {
    let mut out = Vec::new();
    if (&before.lot, before.manufacture_date) != (&after.lot, after.manufacture_date) {
        out.push(("manufacture_recorded", json!({"lot": after.lot, "manufacture_date": after.manufacture_date})));
    }
    if (before.sale_date, &before.sale_document, &before.seller)
        != (after.sale_date, &after.sale_document, &after.seller)
    {
        let details =
            json!({"sale_date": after.sale_date, "sale_document": after.sale_document, "seller": after.seller});
        out.push(("sale_recorded", details));
    }
    if before.delivery_date != after.delivery_date {
        out.push(("delivered", json!({"delivery_date": after.delivery_date})));
    }
    if (before.installation_date, &before.installation_address)
        != (after.installation_date, &after.installation_address)
    {
        let details =
            json!({"installation_date": after.installation_date, "installation_address": after.installation_address});
        out.push(("installed", details));
    }
    if (before.registration_date, &before.warranty_card_number)
        != (after.registration_date, &after.warranty_card_number)
    {
        let details =
            json!({"registration_date": after.registration_date, "warranty_card_number": after.warranty_card_number});
        out.push(("card_registered", details));
    }
    out
}
