use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::purchasing::PurchaseOrderDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::etag;
use crate::state::AppState;
use crate::use_cases::purchase_orders::get::get;

/// One purchase order received into your part of the network, with what is
/// outstanding on each line; another's is 404.
#[utoipa::path(
    get, path = "/api/v1/purchase-orders/{id}", tag = "purchasing", operation_id = "get_purchase_order",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Purchase order id")),
    responses(
        (status = 200, description = "The order", body = PurchaseOrderDto, headers(("ETag" = String, description = "Version, for If-Match"))),
        (status = 404, description = "No such order in your part of the network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/purchase-orders/{id}")]
pub async fn get_purchase_order(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let order = get(&state.db, &me, *id).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(order.version))).json(order))
}
