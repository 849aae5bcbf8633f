//! Receive parts into a warehouse without a purchase order (opening stock, found items).
use aftersales_api_types::stock::{MovementResult, ReceiveStock};
use aftersales_domain::access::Permission;
use aftersales_domain::stock::MovementKind;
use aftersales_domain::stock::ledger::{Movement, MovementMeta};
use aftersales_persistence::DatabaseConnection;

use super::{movable_part, movable_warehouse, record_movement};
use crate::error::ApiError;
use crate::money_dto::amount_in;
use crate::use_cases::{Actor, Begun, Once, Work};

/// Receives `quantity` units at a unit cost in the part's currency; the
/// warehouse's moving-average cost follows. A retry under the same key gets the
/// first answer.
pub async fn receive(
    db: &DatabaseConnection,
    actor: &Actor,
    body: ReceiveStock,
) -> Result<Once<MovementResult>, ApiError> {
    let me = &actor.me;
    me.require(Permission::MoveStock)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    movable_warehouse(work.db(), me, body.warehouse_id, "warehouse_id").await?;
    let part = movable_part(work.db(), body.part_id, "part_id").await?;
    let unit_cost = amount_in(&body.unit_cost, part.currency(), "unit_cost")?.minor();
    let movement = Movement {
        kind: MovementKind::Receipt,
        quantity: body.quantity,
        unit_cost_minor: Some(unit_cost),
        from_reservation: false,
    };
    let meta = MovementMeta { actor_id: Some(me.user_id.into()), reason: body.reason, ..Default::default() };
    record_movement(work, "stock.receive", body.warehouse_id, part.id, movement, meta).await
}
