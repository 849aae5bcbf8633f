//! Record the manufacturer's acknowledgement of a shipped shipment.
use aftersales_api_types::rtv::{RtvReference, RtvShipmentDto};
use aftersales_domain::access::Permission;
use aftersales_domain::stock::rtv::RtvAction;
use aftersales_domain::stock::ticket_parts::DefectiveStatus;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::rtv_shipments::{self, RtvStep};
use uuid::Uuid;

use super::{begin_step, finish_step, next};
use crate::error::ApiError;
use crate::use_cases::{Actor, Once};

/// Its credit note or claim reference: every old part in it is written off, with
/// the reference as the reason. Stock does not move: the parts left when
/// shipped. `expected` is the version the client read (412 if it changed since).
pub async fn acknowledge(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    expected: Option<i64>,
    body: RtvReference,
) -> Result<Once<RtvShipmentDto>, ApiError> {
    actor.me.require(Permission::ManageParts)?;
    let (work, current) = match begin_step(db, actor, &body, id, expected).await? {
        Ok(begun) => begun,
        Err(replayed) => return Ok(replayed),
    };
    let status = next(&current, RtvAction::Acknowledge)?;
    let reference = body.reference.trim().to_owned();
    let step = RtvStep {
        status,
        by: actor.user_id(),
        close_reason: Some(format!("acknowledged by the manufacturer ({reference}) on {}", current.number)),
        reference: Some(reference),
        parts_become: DefectiveStatus::WrittenOff,
    };
    let after = rtv_shipments::step(work.db(), &current, step, work.now()).await?;
    finish_step(work, "rtv_shipment.acknowledge", &current, &after).await
}
