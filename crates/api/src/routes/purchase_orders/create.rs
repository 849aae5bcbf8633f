use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::purchasing::{CreatePurchaseOrder, PurchaseOrderDto};
use aftersales_domain::regional::{is_currency, local_date};
use aftersales_domain::stock::numbering::{DocumentSeries, document_number};
use aftersales_persistence::purchase_orders::{self, NewPurchaseOrder};
use aftersales_persistence::{begin_write, branches, document_counters};
use chrono::{Datelike, Utc};

use crate::auth::{Authorized, need};
use crate::dto::optional;
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::purchase_orders::{audited, brand_in, lines_in};
use crate::use_cases::stock::movable_warehouse;

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
    ValidatedJson(body): ValidatedJson<CreatePurchaseOrder>,
) -> Result<HttpResponse, ApiError> {
    if !is_currency(&body.currency) {
        return Err(ApiError::field("currency", "unknown_currency", "is not an ISO 4217 currency in circulation"));
    }
    let now = Utc::now();
    let txn = begin_write(&state.db).await?;
    let warehouse = movable_warehouse(&txn, &me, body.warehouse_id, "warehouse_id").await?;
    brand_in(&txn, body.brand_id).await?;
    let lines = lines_in(&txn, &body.lines, &body.currency).await?;
    let branch = branches::find(&txn, warehouse.branch_id).await?;
    let year = local_date(&branch.time_zone, now).unwrap_or_else(|| now.date_naive()).year();
    let sequence = document_counters::next(&txn, branch.id, DocumentSeries::PurchaseOrder, year).await?;
    let new = NewPurchaseOrder {
        number: document_number(DocumentSeries::PurchaseOrder, &branch.code, year, sequence),
        branch_id: branch.id,
        warehouse_id: warehouse.id,
        supplier_name: body.supplier_name.trim().to_owned(),
        brand_id: body.brand_id,
        currency: body.currency,
        expected_on: body.expected_on,
        note: optional(body.note),
        created_by: me.user_id,
        lines,
    };
    let order = purchase_orders::insert(&txn, new, now).await?;
    let out = audited(&txn, &me, &request_id, "purchase_order.create", None, &order).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/purchase-orders/{}", order.id)))
        .insert_header((header::ETAG, etag(order.version)))
        .json(out))
}
