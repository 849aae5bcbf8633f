use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::rtv::{RtvReference, RtvShipmentDto};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::rtv_shipments::acknowledge::acknowledge;
use crate::use_cases::{Actor, Once};

/// Record the manufacturer's acknowledgement of a shipped shipment (its credit
/// note or claim reference): every old part in it is written off, with the
/// reference as the reason. Stock does not move: the parts left when shipped.
#[utoipa::path(
    post, path = "/api/v1/rtv-shipments/{id}/acknowledge", tag = "stock", operation_id = "acknowledge_rtv_shipment",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Shipment id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 if the shipment changed since"),
    ),
    request_body = RtvReference,
    responses(
        (status = 200, description = "Acknowledged; its parts are written off", body = RtvShipmentDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such shipment in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not shipped, or acknowledged already", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The shipment changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/rtv-shipments/{id}/acknowledge")]
pub async fn acknowledge_rtv_shipment(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageParts>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<RtvReference>,
) -> Result<HttpResponse, ApiError> {
    let answer = acknowledge(&state.db, &Actor::new(me, request_id, key), *id, expected, body).await?;
    Ok(match answer {
        Once::Done(shipment) => HttpResponse::Ok().insert_header((header::ETAG, etag(shipment.version))).json(shipment),
        replayed => reply::once(StatusCode::OK, replayed),
    })
}
