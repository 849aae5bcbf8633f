use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::purchasing::PurchaseOrderDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::purchase_orders::cancel::cancel;

/// Cancel an order nothing has been received against (409 once goods arrived:
/// they are on the shelf and in the ledger, and go back as a return to vendor).
#[utoipa::path(
    post, path = "/api/v1/purchase-orders/{id}/cancel", tag = "purchasing", operation_id = "cancel_purchase_order",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Purchase order id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 if the order changed since"),
    ),
    responses(
        (status = 200, description = "Cancelled", body = PurchaseOrderDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such order in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Goods were received against it, or it is already received or cancelled", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The order changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/purchase-orders/{id}/cancel")]
pub async fn cancel_purchase_order(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageParts>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
) -> Result<HttpResponse, ApiError> {
    let order = cancel(&state.db, &Actor::new(me, request_id, key), *id, expected).await?;
    Ok(reply::once_tagged(StatusCode::OK, order, |v| v.version))
}
