use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::rtv::RtvShipmentDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::etag;
use crate::state::AppState;
use crate::use_cases::rtv_shipments;

/// A return-to-vendor shipment with the old parts in it.
#[utoipa::path(
    get, path = "/api/v1/rtv-shipments/{id}", tag = "stock", operation_id = "get_rtv_shipment",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Shipment id")),
    responses(
        (status = 200, description = "The shipment", body = RtvShipmentDto, headers(("ETag" = String, description = "Version of the shipment"))),
        (status = 404, description = "No such shipment in your part of the network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/rtv-shipments/{id}")]
pub async fn get_rtv_shipment(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let shipment = rtv_shipments::get::get(&state.db, &me, *id).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(shipment.version))).json(shipment))
}
