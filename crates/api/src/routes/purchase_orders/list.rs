use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::purchasing::{PurchaseOrderDto, PurchaseOrderQuery};
use aftersales_persistence::purchase_orders::{self, PurchaseOrderFilter};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::pagination;
use crate::state::AppState;
use crate::use_cases::purchase_orders::{order_out, status_in};

/// Purchase orders received into your part of the network, newest first.
#[utoipa::path(
    get, path = "/api/v1/purchase-orders", tag = "purchasing", operation_id = "list_purchase_orders",
    security(("bearer" = [])),
    params(PurchaseOrderQuery),
    responses((status = 200, description = "One page of purchase orders", body = Page<PurchaseOrderDto>)),
)]
#[get("/api/v1/purchase-orders")]
pub async fn list_purchase_orders(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    ValidatedQuery(query): ValidatedQuery<PurchaseOrderQuery>,
) -> Result<HttpResponse, ApiError> {
    let limit = pagination::limit(query.limit);
    let filter = PurchaseOrderFilter {
        status: query.status.map(status_in),
        warehouse_id: query.warehouse_id,
        before_id: pagination::decode_id_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = purchase_orders::list(&state.db, &me.scope, filter).await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, |o| o.id.to_string(), order_out)))
}
