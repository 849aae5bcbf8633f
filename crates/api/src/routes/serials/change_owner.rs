use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::serial_records::ChangeOwner;
use aftersales_api_types::serials::SerialUnitDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::serials::change_owner::change_owner;

/// Hand the unit to a new owner from a day on.
///
/// The previous owner's period ends that day and stays in the unit's owner history.
#[utoipa::path(
    post, path = "/api/v1/serials/{id}/owner", tag = "serials", operation_id = "change_serial_owner",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Unit id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; fails with 412 if the unit changed since"),
    ),
    request_body = ChangeOwner,
    responses(
        (status = 200, description = "The unit with its new owner", body = SerialUnitDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such unit", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The unit changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/serials/{id}/owner")]
pub async fn change_serial_owner(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCustomers>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<ChangeOwner>,
    IfMatch(expected): IfMatch,
) -> Result<HttpResponse, ApiError> {
    let unit = change_owner(&state.db, &Actor::new(me, request_id, key), *id, body, expected).await?;
    Ok(reply::once_tagged(StatusCode::OK, unit, |v| v.version))
}
