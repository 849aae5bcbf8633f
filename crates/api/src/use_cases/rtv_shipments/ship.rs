//! Ship a packed shipment to the manufacturer.
use aftersales_api_types::rtv::{RtvReference, RtvShipmentDto};
use aftersales_domain::access::Permission;
use aftersales_domain::stock::MovementKind;
use aftersales_domain::stock::ledger::{Movement, MovementMeta};
use aftersales_domain::stock::rtv::RtvAction;
use aftersales_domain::stock::ticket_parts::DefectiveStatus;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::rtv_shipments::{self, RtvStep};
use uuid::Uuid;

use super::{ENTITY, begin_step, finish_step, next};
use crate::error::ApiError;
use crate::use_cases::stock::ledger::move_stock;
use crate::use_cases::stock::refused;
use crate::use_cases::{Actor, Once};

/// Every old part leaves the defective-parts warehouse as a `return_to_vendor`
/// movement, all or nothing, and is `shipped`. The reference is the carrier's
/// tracking or the manufacturer's return authorisation. `expected` is the
/// version the client read (412 if it changed since).
pub async fn ship(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    expected: Option<i64>,
    body: RtvReference,
) -> Result<Once<RtvShipmentDto>, ApiError> {
    actor.me.require(Permission::MoveStock)?;
    let (work, current) = match begin_step(db, actor, &body, id, expected).await? {
        Ok(begun) => begun,
        Err(replayed) => return Ok(replayed),
    };
    let status = next(&current, RtvAction::Ship)?;
    let (txn, now) = (work.db(), work.now());
    for old in &current.parts {
        let movement = Movement {
            kind: MovementKind::ReturnToVendor,
            quantity: old.quantity,
            unit_cost_minor: None,
            from_reservation: false,
        };
        let meta = MovementMeta {
            actor_id: Some(actor.user_id().into()),
            reason: Some(format!("return to vendor {}", current.number)),
            document_kind: Some(ENTITY.into()),
            document_id: Some(current.id),
            ticket_id: Some(old.ticket_id.into()),
        };
        // The shelf holds what was handed in, so this only fails if someone moved
        // old parts out another way; the whole shipment then stays where it is.
        move_stock(txn, current.warehouse_id, old.part_id, movement, meta, now).await?.map_err(refused)?;
    }
    let step = RtvStep {
        status,
        by: actor.user_id(),
        reference: Some(body.reference.trim().to_owned()),
        parts_become: DefectiveStatus::Shipped,
        close_reason: None,
    };
    let after = rtv_shipments::step(txn, &current, step, now).await?;
    finish_step(work, "rtv_shipment.ship", &current, &after).await
}
