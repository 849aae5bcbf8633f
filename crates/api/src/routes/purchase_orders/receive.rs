use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::purchasing::{PurchaseOrderDto, ReceivePurchaseOrder};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::purchase_orders::receive::receive;

/// Receive goods against an ordered purchase order into its warehouse: a
/// `purchase_receipt` movement per line at the line's cost (or `unit_cost`, what
/// the invoice says), so the warehouse's moving-average cost follows the price paid.
///
/// Never more than is outstanding: over-receipt is a 422 naming the line
/// (`lines[0].quantity`), and nothing of the request is received. Two receipts at
/// once take turns. Send an `Idempotency-Key` to make a retry safe.
#[utoipa::path(
    post, path = "/api/v1/purchase-orders/{id}/receive", tag = "purchasing", operation_id = "receive_purchase_order",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Purchase order id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 if the order changed since"),
    ),
    request_body = ReceivePurchaseOrder,
    responses(
        (status = 200, description = "Received", body = PurchaseOrderDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such order in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not ordered (a draft, received or cancelled), or the warehouse is closed", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The order changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/purchase-orders/{id}/receive")]
pub async fn receive_purchase_order(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::MoveStock>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<ReceivePurchaseOrder>,
) -> Result<HttpResponse, ApiError> {
    let answer = receive(&state.db, &Actor::new(me, request_id, key), *id, expected, body).await?;
    Ok(reply::once_tagged(StatusCode::OK, answer, |o| o.version))
}
