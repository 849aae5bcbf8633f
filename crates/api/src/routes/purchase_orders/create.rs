use actix_web::{HttpResponse, post, web};
use aftersales_api_types::purchasing::{CreatePurchaseOrder, PurchaseOrderDto};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::purchase_orders::create::create;

/// Draft a purchase order to a supplier (or a manufacturer, `brand_id`), to be
/// received into an open warehouse of your part of the network.
///
/// Every line's part must be active and costed in the order's currency, once per
/// order (422 naming `lines[i].part_id`). The number (`PO-HN01-2026-000001`)
/// follows the warehouse's branch series without gaps.
#[utoipa::path(
    post, path = "/api/v1/purchase-orders", tag = "purchasing", operation_id = "create_purchase_order",
    security(("bearer" = [])),
    request_body = CreatePurchaseOrder,
    responses(
        (status = 201, description = "Drafted", body = PurchaseOrderDto,
            headers(("Location" = String, description = "URL of the new order"), ("ETag" = String, description = "Version of the order"))),
    )
)]
#[post("/api/v1/purchase-orders")]
pub async fn create_purchase_order(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageParts>,
    request_id: RequestId,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<CreatePurchaseOrder>,
) -> Result<HttpResponse, ApiError> {
    let order = create(&state.db, &Actor::new(me, request_id, key), body).await?;
    Ok(reply::created(order, |v| format!("/api/v1/purchase-orders/{}", v.id), |v| v.version))
}
