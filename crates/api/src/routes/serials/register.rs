use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::serials::{RegisterSerial, SerialUnitDto};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::serials::register::register;

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
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<RegisterSerial>,
) -> Result<HttpResponse, ApiError> {
    let unit = register(&state.db, &Actor::new(me, request_id, key), body).await?;
    Ok(reply::created(unit, |v| format!("/api/v1/serials/{}", v.id), |v| v.version))
}
