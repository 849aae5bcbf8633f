use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::purchasing::{PurchaseOrderDto, UpdatePurchaseOrder};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::purchase_orders::update::update;

/// Change a draft order: supplier, manufacturer, expected date, note, and its
/// lines (`lines` replaces them all, checked as on creation). Once ordered, an
/// order no longer changes (409). The warehouse and currency stay.
#[utoipa::path(
    patch, path = "/api/v1/purchase-orders/{id}", tag = "purchasing", operation_id = "update_purchase_order",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Purchase order id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 if the order changed since"),
    ),
    request_body = UpdatePurchaseOrder,
    responses(
        (status = 200, description = "Updated", body = PurchaseOrderDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such order in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The order is no longer a draft", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The order changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/api/v1/purchase-orders/{id}")]
pub async fn update_purchase_order(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageParts>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    ValidatedJson(body): ValidatedJson<UpdatePurchaseOrder>,
) -> Result<HttpResponse, ApiError> {
    let order = update(&state.db, &Actor::once(me, request_id), *id, expected, body).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(order.version))).json(order))
}
