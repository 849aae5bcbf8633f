use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::rtv::{RtvShipmentDto, RtvShipmentQuery};
use aftersales_persistence::rtv_shipments::{self, RtvFilter};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::pagination;
use crate::state::AppState;
use crate::use_cases::rtv_shipments::{status_in, summary_out};

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
    let limit = pagination::limit(query.limit);
    let filter = RtvFilter {
        status: query.status.map(status_in),
        brand_id: query.brand_id,
        warehouse_id: query.warehouse_id,
        before_id: pagination::decode_id_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = rtv_shipments::list(&state.db, &me.scope, filter).await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, |s| s.id.to_string(), summary_out)))
}
