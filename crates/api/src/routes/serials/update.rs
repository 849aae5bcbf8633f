use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::serials::{SerialUnitDto, UpdateSerial};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::serials::update::update;

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
    let unit = update(&state.db, &Actor::once(me, request_id), *id, body, expected).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(unit.version))).json(unit))
}
