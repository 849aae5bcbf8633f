//! Receive goods against an ordered purchase order into its warehouse.
use actix_web::http::StatusCode;
use aftersales_api_types::purchasing::{PurchaseOrderDto, ReceivePurchaseOrder};
use aftersales_domain::access::Permission;
use aftersales_domain::stock::MovementKind;
use aftersales_domain::stock::ledger::{Movement, MovementMeta, StockError};
use aftersales_domain::stock::purchasing::{Arrived, PurchaseAction};
use aftersales_persistence::{DatabaseConnection, warehouses};
use uuid::Uuid;

use super::{ENTITY, refused, save_step, visible};
use crate::error::ApiError;
use crate::money_dto::amount_in;
use crate::use_cases::stock::ledger::move_stock;
use crate::use_cases::{Actor, Begun, Once, Work};

/// A `purchase_receipt` movement per line at the line's cost (or `unit_cost`, what
/// the invoice says), so the warehouse's moving-average cost follows the price
/// paid. Never more than is outstanding: over-receipt is a 422 naming the line,
/// and nothing of the request is received. Two receipts at once take turns.
pub async fn receive(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    expected: Option<i64>,
    body: ReceivePurchaseOrder,
) -> Result<Once<PurchaseOrderDto>, ApiError> {
    actor.me.require(Permission::MoveStock)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let (txn, now) = (work.db(), work.now());
    let before = visible(txn, &actor.me, id, true).await?;
    if expected.is_some_and(|v| v != before.version) {
        return Err(ApiError::PreconditionFailed);
    }
    before.may(PurchaseAction::Receive).map_err(refused)?;
    if !warehouses::find(txn, before.warehouse_id.uuid()).await?.active {
        return Err(ApiError::Conflict("the warehouse is closed; stock no longer moves in it".into()));
    }
    let mut arrived = Vec::with_capacity(body.lines.len());
    for (i, line) in body.lines.iter().enumerate() {
        let unit_cost = match &line.unit_cost {
            Some(amount) => Some(amount_in(amount, before.currency, &format!("lines[{i}].unit_cost"))?),
            None => None,
        };
        arrived.push(Arrived { part_id: line.part_id.into(), quantity: line.quantity, unit_cost });
    }
    let mut after = before.clone();
    let receipts = after.receive(&arrived, now).map_err(refused)?;
    for (i, receipt) in receipts.into_iter().enumerate() {
        let movement = Movement {
            kind: MovementKind::PurchaseReceipt,
            quantity: receipt.quantity,
            unit_cost_minor: Some(receipt.unit_cost.minor()),
            from_reservation: false,
        };
        let meta = MovementMeta {
            actor_id: Some(actor.user_id().into()),
            reason: Some(format!("purchase order {}", before.number)),
            document_kind: Some(ENTITY.into()),
            document_id: Some(before.id.uuid()),
            ticket_id: None,
        };
        move_stock(txn, before.warehouse_id.uuid(), receipt.part_id.uuid(), movement, meta, now).await?.map_err(
            |e| match e {
                StockError::Overflow => ApiError::field(&format!("lines[{i}].quantity"), "too_large", e.to_string()),
                other => crate::use_cases::stock::refused(other),
            },
        )?;
    }
    let out = save_step(&work, "purchase_order.receive", &before, &after, expected).await?;
    work.finish(StatusCode::OK, out).await
}
