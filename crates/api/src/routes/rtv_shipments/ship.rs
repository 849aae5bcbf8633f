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
use crate::use_cases::rtv_shipments::ship::ship;
use crate::use_cases::{Actor, Once};

/// Ship a packed shipment: every old part leaves the defective-parts warehouse as
/// a `return_to_vendor` movement, all or nothing, and is `shipped`. The reference
/// is the carrier's tracking or the manufacturer's return authorisation. Send an
/// `Idempotency-Key` to make a retry safe.
#[utoipa::path(
    post, path = "/api/v1/rtv-shipments/{id}/ship", tag = "stock", operation_id = "ship_rtv_shipment",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Shipment id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 if the shipment changed since"),
    ),
    request_body = RtvReference,
    responses(
        (status = 200, description = "Shipped", body = RtvShipmentDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such shipment in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not a draft any more", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The shipment changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/rtv-shipments/{id}/ship")]
pub async fn ship_rtv_shipment(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::MoveStock>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<RtvReference>,
) -> Result<HttpResponse, ApiError> {
    let answer = ship(&state.db, &Actor::new(me, request_id, key), *id, expected, body).await?;
    Ok(match answer {
        Once::Done(shipment) => HttpResponse::Ok().insert_header((header::ETAG, etag(shipment.version))).json(shipment),
        replayed => reply::once(StatusCode::OK, replayed),
    })
}
