use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::serials::{RegisterSerial, SerialUnitDto};
use aftersales_domain::serials::normalize_serial;
use aftersales_persistence::catalogue::models;
use aftersales_persistence::serials::{self, NewUnit, UnitFacts, owners};
use aftersales_persistence::{StoreError, begin_write};
use chrono::Utc;
use serde_json::json;
use uuid::Uuid;

use crate::audit::snapshot;
use crate::auth::{Authorized, need};
use crate::dto::optional;
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson, etag};
use crate::serial_dto;
use crate::state::AppState;
use crate::use_cases::serials::{record_change, visible_customer};

/// Register a sold unit by its serial.
///
/// The brand is the model's. A serial the brand already has (however it is
/// written: `k3j-00042` is `K3J00042`) or a warranty card on another unit is
/// refused with 409. An owner given here starts the unit's owner history.
#[utoipa::path(
    post, path = "/api/v1/serials", tag = "serials", operation_id = "register_serial",
    security(("bearer" = [])),
    request_body = RegisterSerial,
    responses(
        (status = 201, description = "Registered", body = SerialUnitDto,
            headers(("Location" = String, description = "URL of the unit"), ("ETag" = String, description = "Version of the unit"))),
        (status = 409, description = "The brand has this serial already, or the card is on another unit", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/serials")]
pub async fn register_serial(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCustomers>,
    request_id: RequestId,
    ValidatedJson(body): ValidatedJson<RegisterSerial>,
) -> Result<HttpResponse, ApiError> {
    let serial_key = normalize_serial(&body.serial).ok_or_else(|| {
        ApiError::field("serial", "format", "letters and digits, with spaces, '-', '.', '/' or '_' between them")
    })?;
    let txn = begin_write(&state.db).await?;
    let model = match models::find(&txn, body.model_id).await {
        Err(StoreError::NotFound) => {
            return Err(ApiError::field("model_id", "unknown_model", "there is no product model with this id"));
        }
        other => other?,
    };
    if let Some(owner) = body.owner_customer_id {
        visible_customer(&txn, &me.scope, owner, "owner_customer_id").await?;
    }
    let facts = UnitFacts {
        lot: optional(body.lot),
        manufacture_date: body.manufacture_date,
        sale_date: body.sale_date,
        sale_document: optional(body.sale_document),
        seller: optional(body.seller),
        delivery_date: body.delivery_date,
        installation_date: body.installation_date,
        installation_address: optional(body.installation_address),
        registration_date: body.registration_date,
        warranty_card_number: optional(body.warranty_card_number),
        owner_customer_id: body.owner_customer_id,
    };
    let now = Utc::now();
    let new = NewUnit {
        id: Uuid::now_v7(),
        brand_id: model.brand_id,
        model_id: model.id,
        serial: body.serial.trim().to_owned(),
        serial_key,
        facts,
    };
    let unit = serials::insert(&txn, new, now).await?;
    if let Some(customer_id) = unit.owner_customer_id {
        let from_date = unit.sale_date.or(unit.registration_date).unwrap_or_else(|| now.date_naive());
        let ownership = owners::NewOwnership {
            serial_id: unit.id,
            customer_id,
            from_date,
            note: None,
            created_by: Some(me.user_id),
        };
        owners::hand_over(&txn, ownership, now).await?;
    }
    let out = serial_dto::unit_out(&unit);
    let details =
        json!({"serial": unit.serial, "model_id": unit.model_id, "owner_customer_id": unit.owner_customer_id});
    record_change(
        &txn,
        me.user_id,
        &request_id,
        &unit,
        ("registered", details),
        ("serial.register", None, snapshot(&out)),
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/serials/{}", unit.id)))
        .insert_header((header::ETAG, etag(unit.version)))
        .json(out))
}
