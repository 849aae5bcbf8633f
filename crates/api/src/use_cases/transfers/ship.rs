//! Ship a draft transfer: every line leaves the source at once.
use aftersales_api_types::transfers::TransferDto;
use aftersales_domain::access::Permission;
use aftersales_domain::stock::MovementKind;
use aftersales_domain::stock::ledger::Movement;
use aftersales_domain::stock::transfer::TransferAction;
use aftersales_persistence::{DatabaseConnection, parts, warehouses};
use uuid::Uuid;

use super::{Side, finish_step, for_step, movement_meta, refused};
use crate::error::ApiError;
use crate::use_cases::stock::ledger::move_stock;
use crate::use_cases::stock::refused_at;
use crate::use_cases::{Actor, Begun, Once, Work};

/// Every line leaves the source warehouse at its moving-average cost (a
/// `transfer_out` movement), all or nothing: a line short of stock is a 409
/// naming the part and how many are available, and nothing moves. Only the
/// source side's people ship.
pub async fn ship(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    expected: Option<i64>,
) -> Result<Once<TransferDto>, ApiError> {
    actor.me.require(Permission::MoveStock)?;
    let work = match Work::begin_retryable(db, actor, &()).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let (txn, now) = (work.db(), work.now());
    let before = for_step(txn, &actor.me, id, Side::Source, expected).await?;
    before.may(TransferAction::Ship).map_err(refused)?;
    if !warehouses::find(txn, before.from_warehouse_id.uuid()).await?.active {
        return Err(ApiError::Conflict("the source warehouse is closed; stock no longer moves in it".into()));
    }
    let mut after = before.clone();
    for leaving in after.ship(actor.user_id().into(), now).map_err(refused)? {
        let part = parts::find(txn, leaving.part_id.uuid()).await?;
        let line = leaving.index + 1;
        let on = |what: String| ApiError::Conflict(format!("line {line} ({}): {what}", part.sku));
        if !part.active {
            return Err(on("this part is discontinued; stock no longer moves for it".into()));
        }
        let movement = Movement {
            kind: MovementKind::TransferOut,
            quantity: leaving.quantity,
            unit_cost_minor: None,
            from_reservation: false,
        };
        let meta = movement_meta(actor.user_id(), &before);
        // A short line ends the request here; dropping the transaction undoes the
        // lines already taken out, so nothing moves.
        let (_, ledger_row) =
            move_stock(txn, before.from_warehouse_id.uuid(), leaving.part_id.uuid(), movement, meta, now)
                .await?
                .map_err(|e| match refused_at(e, &format!("lines[{}].quantity", leaving.index)) {
                    // A shortage keeps naming its line in `errors`.
                    ApiError::ConflictAt { message, errors } => {
                        ApiError::ConflictAt { message: format!("line {line} ({}): {message}", part.sku), errors }
                    }
                    other => on(other.to_string()),
                })?;
        after.left_at_cost(leaving.index, ledger_row.unit_cost_minor);
    }
    finish_step(work, "transfer.ship", &before, &after, expected).await
}
