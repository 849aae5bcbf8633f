use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::serials::{SerialUnitDto, UpdateSerial};
use aftersales_domain::serials::SerialUnit;
use aftersales_persistence::begin_write;
use aftersales_persistence::serials::{self, UnitFacts, events};
use chrono::Utc;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::dto::optional;
use crate::error::{ApiError, NotFoundAs};
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::serial_dto;
use crate::state::AppState;

fn text(change: Option<Option<String>>, current: &Option<String>) -> Option<String> {
    match change {
        Some(new) => optional(new),
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
        owner_customer_id: u.owner_customer_id,
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

/// Change the facts of a unit: absent fields stay, `null` clears.
///
/// Each kind of change (sale, delivery, installation, card, manufacture) adds an
/// event to the unit's history. A card number on another unit is refused with 409.
#[utoipa::path(
    patch, path = "/api/v1/serials/{id}", tag = "serials", operation_id = "update_serial",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Unit id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; the update fails with 412 if the unit changed since"),
    ),
    request_body = UpdateSerial,
    responses(
        (status = 200, description = "Updated", body = SerialUnitDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such unit", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The warranty card is on another unit", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The unit changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/api/v1/serials/{id}")]
pub async fn update_serial(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCustomers>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<UpdateSerial>,
    IfMatch(expected): IfMatch,
) -> Result<HttpResponse, ApiError> {
    let txn = begin_write(&state.db).await?;
    let current = serials::find(&txn, *id).await.or_not_found("unit")?;
    if expected.is_some_and(|v| v != current.version) {
        return Err(ApiError::PreconditionFailed);
    }
    let now = Utc::now();
    let updated = serials::update_facts(&txn, &current, expected, facts_after(&current, body), now).await?;
    for (kind, details) in change_events(&current, &updated) {
        events::record(&txn, updated.id, kind, Some(me.user_id), details, now).await?;
    }
    let out = serial_dto::unit_out(&updated);
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "serial.update",
            entity: "serial",
            entity_id: updated.id,
            branch_id: None,
            before: snapshot(&serial_dto::unit_out(&current)),
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(updated.version))).json(out))
}
