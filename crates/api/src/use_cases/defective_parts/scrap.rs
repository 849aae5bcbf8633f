//! Scrap an old part that was handed in.
use actix_web::http::StatusCode;
use aftersales_api_types::rtv::{ScrapDefectivePart, ScrappedPart};
use aftersales_domain::access::Permission;
use aftersales_domain::stock::MovementKind;
use aftersales_domain::stock::ledger::{Movement, MovementMeta};
use aftersales_domain::stock::rtv::may_scrap;
use aftersales_domain::stock::ticket_parts::DefectiveStatus;
use aftersales_persistence::{DatabaseConnection, defective_parts};
use uuid::Uuid;

use super::{ENTITY, defective_out};
use crate::audit::{Change, snapshot};
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::stock::ledger::move_stock;
use crate::use_cases::stock::{movement_out, refused};
use crate::use_cases::{Actor, Begun, Once, Work};

/// One handed in and not packed for the manufacturer, with the reason: it leaves
/// the defective-parts warehouse as a `write_off` movement and is closed. A part
/// still owed, packed, shipped or closed answers 409.
pub async fn scrap(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    body: ScrapDefectivePart,
) -> Result<Once<ScrappedPart>, ApiError> {
    let me = &actor.me;
    me.require(Permission::ManageParts)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let (txn, now) = (work.db(), work.now());
    let before = defective_parts::lock_in_scope(txn, &me.scope, id).await.or_not_found("defective part")?;
    let (true, Some(warehouse_id)) =
        (may_scrap(before.status, before.rtv_shipment_id.is_some()), before.received_warehouse_id)
    else {
        return Err(ApiError::Conflict(match before.rtv_shipment_id {
            Some(_) => "the part is packed in a return-to-vendor shipment".into(),
            None => format!("only a part handed in can be scrapped; it is {}", before.status.as_str()),
        }));
    };
    let reason = body.reason.trim().to_owned();
    let movement = Movement {
        kind: MovementKind::WriteOff,
        quantity: before.quantity,
        unit_cost_minor: None,
        from_reservation: false,
    };
    let meta = MovementMeta {
        actor_id: Some(me.user_id.into()),
        reason: Some(reason.clone()),
        document_kind: Some(ENTITY.into()),
        document_id: Some(before.id),
        ticket_id: Some(before.ticket_id.into()),
    };
    let (_, row) = move_stock(txn, warehouse_id, before.part_id, movement, meta, now).await?.map_err(refused)?;
    let after = defective_parts::close(txn, &before, DefectiveStatus::Scrapped, &reason, now).await?;
    let out = ScrappedPart { defective_part: defective_out(txn, &after, now).await?, movement: movement_out(&row) };
    let change = Change {
        action: "defective_part.scrap",
        entity: ENTITY,
        entity_id: after.id,
        branch_id: Some(after.branch_id),
        before: snapshot(&defective_out(txn, &before, now).await?),
        after: snapshot(&out.defective_part),
    };
    work.audit(change).await?;
    work.finish(StatusCode::OK, out).await
}
