use std::collections::HashSet;

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::purchasing::{PurchaseOrderDto, ReceivePurchaseOrder};
use aftersales_domain::stock::MovementKind;
use aftersales_domain::stock::ledger::{Movement, StockError};
use aftersales_domain::stock::purchasing::{self, PurchaseAction, PurchaseOrderStatus};
use aftersales_persistence::purchase_orders::{self, PurchaseOrderChanges};
use aftersales_persistence::stock::MovementMeta;
use aftersales_persistence::warehouses;
use chrono::Utc;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::idempotency::{self, IdempotencyKey, Opened};
use crate::state::AppState;
use crate::use_cases::purchase_orders::{ENTITY, audited, cost_in, domain_lines, refused, visible};

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
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer instead of receiving twice"),
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
    let path = format!("/api/v1/purchase-orders/{id}/receive");
    let Opened { txn, hash } = match idempotency::open(&state.db, me.user_id, &key, &path, &body).await? {
        Ok(opened) => opened,
        Err(replayed) => return Ok(replayed),
    };
    let current = visible(&txn, &me, *id, true).await?;
    if expected.is_some_and(|v| v != current.version) {
        return Err(ApiError::PreconditionFailed);
    }
    purchasing::check(current.status, PurchaseAction::Receive).map_err(|e| refused(e, "status"))?;
    if !warehouses::find(&txn, current.warehouse_id).await?.active {
        return Err(ApiError::Conflict("the warehouse is closed; stock no longer moves in it".into()));
    }
    let now = Utc::now();
    let mut lines = domain_lines(&current);
    let mut seen = HashSet::new();
    let mut received = Vec::new();
    for (i, wanted) in body.lines.iter().enumerate() {
        let field = format!("lines[{i}].part_id");
        let Some(index) = current.lines.iter().position(|l| l.part_id == wanted.part_id) else {
            return Err(ApiError::field(&field, "not_on_order", "this part is not on the order"));
        };
        if !seen.insert(wanted.part_id) {
            return Err(ApiError::field(&field, "duplicate", "each part once"));
        }
        let line = &current.lines[index];
        lines[index] = purchasing::receive(lines[index], wanted.quantity)
            .map_err(|e| refused(e, &format!("lines[{i}].quantity")))?;
        let unit_cost_minor = match &wanted.unit_cost {
            Some(amount) => cost_in(amount, &current.currency, &format!("lines[{i}].unit_cost"))?,
            None => line.unit_cost_minor,
        };
        let movement = Movement {
            kind: MovementKind::PurchaseReceipt,
            quantity: wanted.quantity,
            unit_cost_minor: Some(unit_cost_minor),
            from_reservation: false,
        };
        let meta = MovementMeta {
            actor_id: Some(me.user_id),
            reason: Some(format!("purchase order {}", current.number)),
            document_kind: Some(ENTITY.into()),
            document_id: Some(current.id),
            ticket_id: None,
        };
        crate::use_cases::stock::ledger::move_stock(&txn, current.warehouse_id, line.part_id, movement, meta, now)
            .await?
            .map_err(|e| match e {
                StockError::Overflow => ApiError::field(&format!("lines[{i}].quantity"), "too_large", e.to_string()),
                other => crate::use_cases::stock::refused(other),
            })?;
        received.push((line.line_no, lines[index].received));
    }
    let status = purchasing::status_after(&lines);
    let changes = PurchaseOrderChanges {
        status: Some(status),
        received_at: (status == PurchaseOrderStatus::Received).then_some(now),
        received,
        ..Default::default()
    };
    let updated = purchase_orders::update(&txn, &current, expected, changes, now).await?;
    let out = audited(&txn, &me, &request_id, "purchase_order.receive", Some(&current), &updated).await?;
    let text = idempotency::keep(&txn, me.user_id, &key, hash, StatusCode::OK, &out).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(updated.version)))
        .content_type("application/json")
        .body(text))
}
