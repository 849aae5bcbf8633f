use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::rtv::{RtvShipmentDto, RtvShipmentQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::rtv_shipments::list::list;

/// Return-to-vendor shipments of your part of the network, newest first, without
/// their parts (get one to see them).
#[utoipa::path(
    get, path = "/api/v1/rtv-shipments", tag = "stock", operation_id = "list_rtv_shipments",
    security(("bearer" = [])),
    params(RtvShipmentQuery),
    responses((status = 200, description = "One page of shipments", body = Page<RtvShipmentDto>)),
)]
#[get("/api/v1/rtv-shipments")]
pub async fn list_rtv_shipments(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    ValidatedQuery(query): ValidatedQuery<RtvShipmentQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(list(&state.db, &me, query).await?))
}
