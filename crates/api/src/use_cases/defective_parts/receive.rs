//! Hand in an old part a technician owes.
use actix_web::http::StatusCode;
use aftersales_api_types::defective_parts::{DefectiveReceipt, ReceiveDefectivePart};
use aftersales_domain::access::Permission;
use aftersales_domain::stock::MovementKind;
use aftersales_domain::stock::ledger::{Movement, MovementMeta};
use aftersales_domain::warehouses::WarehouseKind;
use aftersales_persistence::{DatabaseConnection, defective_parts, tickets};
use uuid::Uuid;

use super::{ENTITY, defective_out};
use crate::audit::{Change, snapshot};
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::stock::ledger::move_stock;
use crate::use_cases::stock::{movable_warehouse, movement_out, refused, stock_out};
use crate::use_cases::{Actor, Begun, Once, Work};

/// Into a defective-parts warehouse of the caller's part of the network (422
/// naming `warehouse_id` for any other kind): it enters the ledger as a
/// `defective_return` at the warehouse's average cost (nothing, on a quarantine
/// shelf of old parts). A part no longer owed answers 409.
pub async fn receive(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    body: ReceiveDefectivePart,
) -> Result<Once<DefectiveReceipt>, ApiError> {
    let me = &actor.me;
    me.require(Permission::MoveStock)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let (txn, now) = (work.db(), work.now());
    let before = defective_parts::lock_in_scope(txn, &me.scope, id).await.or_not_found("defective part")?;
    let warehouse = movable_warehouse(txn, me, body.warehouse_id, "warehouse_id").await?;
    if warehouse.kind != WarehouseKind::Defective {
        return Err(ApiError::field(
            "warehouse_id",
            "not_defective",
            "old parts are handed in to a defective-parts warehouse",
        ));
    }
    if !before.status.may_receive() {
        return Err(ApiError::Conflict(format!("the part is no longer owed: it is {}", before.status.as_str())));
    }
    let ticket = tickets::find(txn, before.ticket_id).await?;
    let movement = Movement {
        kind: MovementKind::DefectiveReturn,
        quantity: before.quantity,
        unit_cost_minor: None,
        from_reservation: false,
    };
    let meta = MovementMeta {
        actor_id: Some(me.user_id.into()),
        reason: None,
        document_kind: Some(ENTITY.into()),
        document_id: Some(before.id),
        ticket_id: Some(ticket.id),
    };
    let (balance, row) = move_stock(txn, warehouse.id, before.part_id, movement, meta, now).await?.map_err(refused)?;
    let after = defective_parts::mark_received(txn, &before, warehouse.id, me.user_id, now).await?;
    let out = DefectiveReceipt {
        defective_part: defective_out(txn, &after, now).await?,
        movement: movement_out(&row),
        stock: stock_out(warehouse.id, before.part_id, balance, now),
    };
    let change = Change {
        action: "defective_part.receive",
        entity: ENTITY,
        entity_id: after.id,
        branch_id: Some(after.branch_id),
        before: snapshot(&defective_out(txn, &before, now).await?),
        after: snapshot(&out.defective_part),
    };
    work.audit(change).await?;
    work.finish(StatusCode::OK, out).await
}
