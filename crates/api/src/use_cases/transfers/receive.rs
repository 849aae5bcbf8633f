//! Receive what arrived of a shipped transfer into the destination warehouse.
use aftersales_api_types::transfers::{ReceiveTransfer, TransferDto};
use aftersales_domain::access::Permission;
use aftersales_domain::stock::MovementKind;
use aftersales_domain::stock::ledger::Movement;
use aftersales_domain::stock::transfer::{Arrived, TransferAction};
use aftersales_persistence::{DatabaseConnection, warehouses};
use uuid::Uuid;

use super::{Side, finish_step, for_step, movement_meta, refused};
use crate::error::ApiError;
use crate::use_cases::stock::ledger::move_stock;
use crate::use_cases::{Actor, Begun, Once, Work};

/// At the cost it was shipped at (a `transfer_in` movement per line). Partial
/// receipts are fine; the rest stays in transit. More than is in transit is a 422
/// naming the line. Only the destination side's people receive; two receiving at
/// once take turns, and the second sees what the first received.
pub async fn receive(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    expected: Option<i64>,
    body: ReceiveTransfer,
) -> Result<Once<TransferDto>, ApiError> {
    actor.me.require(Permission::MoveStock)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let (txn, now) = (work.db(), work.now());
    let before = for_step(txn, &actor.me, id, Side::Destination, expected).await?;
    before.may(TransferAction::Receive).map_err(refused)?;
    if !warehouses::find(txn, before.to_warehouse_id.uuid()).await?.active {
        return Err(ApiError::Conflict("the destination warehouse is closed; stock no longer moves in it".into()));
    }
    let arrived: Vec<Arrived> =
        body.lines.iter().map(|l| Arrived { part_id: l.part_id.into(), quantity: l.quantity }).collect();
    let mut after = before.clone();
    for coming_in in after.receive(&arrived, now).map_err(refused)? {
        let movement = Movement {
            kind: MovementKind::TransferIn,
            quantity: coming_in.quantity,
            unit_cost_minor: Some(after.arrival_cost(coming_in.index)),
            from_reservation: false,
        };
        let meta = movement_meta(actor.user_id(), &before);
        move_stock(txn, before.to_warehouse_id.uuid(), coming_in.part_id.uuid(), movement, meta, now)
            .await?
            .map_err(crate::use_cases::stock::refused)?;
    }
    finish_step(work, "transfer.receive", &before, &after, expected).await
}
