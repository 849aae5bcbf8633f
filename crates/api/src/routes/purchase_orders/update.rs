use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::purchasing::{PurchaseOrderDto, UpdatePurchaseOrder};
use aftersales_domain::stock::purchasing::{self, PurchaseAction};
use aftersales_persistence::begin_write;
use aftersales_persistence::purchase_orders::{self, PurchaseOrderChanges};
use chrono::Utc;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::dto::optional;
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::purchase_orders::{audited, brand_in, lines_in, refused, visible};

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
    let txn = begin_write(&state.db).await?;
    let current = visible(&txn, &me, *id, true).await?;
    purchasing::check(current.status, PurchaseAction::Edit).map_err(|e| refused(e, "status"))?;
    if let Some(brand_id) = body.brand_id {
        brand_in(&txn, brand_id).await?;
    }
    let lines = match &body.lines {
        Some(lines) => Some(lines_in(&txn, lines, &current.currency).await?),
        None => None,
    };
    let changes = PurchaseOrderChanges {
        supplier_name: body.supplier_name.map(|s| s.trim().to_owned()),
        brand_id: body.brand_id,
        expected_on: body.expected_on,
        note: body.note.map(optional),
        lines,
        ..Default::default()
    };
    let updated = purchase_orders::update(&txn, &current, expected, changes, Utc::now()).await?;
    let out = audited(&txn, &me, &request_id, "purchase_order.update", Some(&current), &updated).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(updated.version))).json(out))
}
