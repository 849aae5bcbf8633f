use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::rtv::{CreateRtvShipment, RtvShipmentDto};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::rtv_shipments::create::create;

/// Pack old parts for the manufacturer: parts of one brand, handed in to one
/// defective-parts warehouse of your part of the network and in no other shipment.
/// A part that does not qualify is a 422 naming it (`defective_part_ids[2]`).
/// Nothing moves until the shipment is shipped. The number
/// (`RTV-HN01-2026-000001`) follows the warehouse's branch without gaps.
#[utoipa::path(
    post, path = "/api/v1/rtv-shipments", tag = "stock", operation_id = "create_rtv_shipment",
    security(("bearer" = [])),
    request_body = CreateRtvShipment,
    responses(
        (status = 201, description = "Packed", body = RtvShipmentDto,
            headers(("Location" = String, description = "URL of the new shipment"), ("ETag" = String, description = "Version of the shipment"))),
        (status = 409, description = "Another shipment took one of the parts meanwhile", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/rtv-shipments")]
pub async fn create_rtv_shipment(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::MoveStock>,
    request_id: RequestId,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<CreateRtvShipment>,
) -> Result<HttpResponse, ApiError> {
    let shipment = create(&state.db, &Actor::new(me, request_id, key), body).await?;
    Ok(reply::created(shipment, |v| format!("/api/v1/rtv-shipments/{}", v.id), |v| v.version))
}
