//! Old parts going back to the manufacturer: one use case per file (pack, ship,
//! acknowledge, list, get), and what they share — the shipment on the wire and
//! the beginning and end of a step.
pub mod acknowledge;
pub mod create;
pub mod get;
pub mod list;
pub mod ship;

use actix_web::http::StatusCode;
use aftersales_api_types::rtv::{RtvShipmentDto, RtvStatus as WireStatus};
use aftersales_domain::stock::rtv::{self, RtvAction, RtvStatus};
use aftersales_persistence::rtv_shipments::{self, RtvShipment};
use aftersales_persistence::{ConnectionTrait, DatabaseConnection};
use chrono::Utc;
use serde::Serialize;
use uuid::Uuid;

use crate::audit::{Change, snapshot};
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::defective_parts::Names;
use crate::use_cases::{Actor, Begun, Once, Work};

pub(crate) const ENTITY: &str = "rtv_shipment";

pub fn status_out(status: RtvStatus) -> WireStatus {
    match status {
        RtvStatus::Draft => WireStatus::Draft,
        RtvStatus::Shipped => WireStatus::Shipped,
        RtvStatus::Acknowledged => WireStatus::Acknowledged,
    }
}

pub fn status_in(status: WireStatus) -> RtvStatus {
    match status {
        WireStatus::Draft => RtvStatus::Draft,
        WireStatus::Shipped => RtvStatus::Shipped,
        WireStatus::Acknowledged => RtvStatus::Acknowledged,
    }
}

/// The shipment on the wire, with its parts and the tickets they came from.
pub(crate) async fn shipment_out(db: &impl ConnectionTrait, s: &RtvShipment) -> Result<RtvShipmentDto, ApiError> {
    let names = Names::of(db, s.parts.iter()).await?;
    let now = Utc::now();
    Ok(RtvShipmentDto { parts: s.parts.iter().map(|p| names.out(p, now)).collect(), ..summary_out(s) })
}

/// The shipment without its parts, as lists show it.
pub(crate) fn summary_out(s: &RtvShipment) -> RtvShipmentDto {
    RtvShipmentDto {
        id: s.id,
        number: s.number.clone(),
        branch_id: s.branch_id,
        warehouse_id: s.warehouse_id,
        brand_id: s.brand_id,
        status: status_out(s.status),
        note: s.note.clone(),
        ship_reference: s.ship_reference.clone(),
        ack_reference: s.ack_reference.clone(),
        created_by: s.created_by,
        created_at: s.created_at,
        shipped_at: s.shipped_at,
        acknowledged_at: s.acknowledged_at,
        quantity: s.parts.iter().map(|p| p.quantity).sum(),
        parts: Vec::new(),
        version: s.version,
    }
}

/// The next status, or 409 saying where the shipment stands.
pub(crate) fn next(current: &RtvShipment, action: RtvAction) -> Result<RtvStatus, ApiError> {
    rtv::step(current.status, action).map_err(|status| {
        ApiError::Conflict(format!("the shipment is {}; it cannot be {} now", status.as_str(), action.as_str()))
    })
}

/// Begins a step of a shipment a client may retry (`body`, with the request's
/// path, recognises it): the first answer again for a replay, or the work with the
/// shipment locked (404 outside your part of the network; 412 when `expected`,
/// the version the client read, is not the current one).
pub(crate) async fn begin_step(
    db: &DatabaseConnection,
    actor: &Actor,
    body: &impl Serialize,
    id: Uuid,
    expected: Option<i64>,
) -> Result<Result<(Work, RtvShipment), Once<RtvShipmentDto>>, ApiError> {
    let work = match Work::begin_retryable(db, actor, body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Err(Once::Replayed(first))),
    };
    let current = rtv_shipments::find_in_scope(work.db(), &actor.me.scope, id, true).await.or_not_found("shipment")?;
    if expected.is_some_and(|v| v != current.version) {
        return Err(ApiError::PreconditionFailed);
    }
    Ok(Ok((work, current)))
}

/// Audits the step, keeps the answer under the `Idempotency-Key` and commits:
/// the shipment as it now is.
pub(crate) async fn finish_step(
    work: Work,
    action: &str,
    before: &RtvShipment,
    after: &RtvShipment,
) -> Result<Once<RtvShipmentDto>, ApiError> {
    let out = shipment_out(work.db(), after).await?;
    let change = Change {
        action,
        entity: ENTITY,
        entity_id: after.id,
        branch_id: Some(after.branch_id),
        before: snapshot(&summary_out(before)),
        after: snapshot(&summary_out(after)),
    };
    work.audit(change).await?;
    work.finish(StatusCode::OK, out).await
}
