use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::purchasing::{PurchaseOrderDto, PurchaseOrderQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::purchase_orders::list::list;

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
    Ok(HttpResponse::Ok().json(list(&state.db, &me, query).await?))
}
