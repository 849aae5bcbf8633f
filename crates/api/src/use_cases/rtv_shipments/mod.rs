//! Shared by the `/rtv_shipments` use cases.
use actix_web::HttpResponse;
use actix_web::http::{StatusCode, header};
use aftersales_api_types::rtv::{RtvShipmentDto, RtvStatus as WireStatus};
use aftersales_domain::stock::rtv::{self, RtvAction, RtvStatus};
use aftersales_persistence::rtv_shipments::RtvShipment;
use aftersales_persistence::{ConnectionTrait, defective_parts};
use chrono::Utc;

use crate::audit::{self, Change, snapshot};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::extract::{RequestId, etag};
use crate::idempotency::{self, IdempotencyKey, Opened};
use crate::use_cases::defective_parts::defective_out;

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
    let numbers = defective_parts::ticket_numbers(db, s.parts.iter().map(|p| p.ticket_id)).await?;
    let now = Utc::now();
    Ok(RtvShipmentDto {
        parts: s
            .parts
            .iter()
            .map(|p| defective_out(p, numbers.get(&p.ticket_id).map_or("", String::as_str), now))
            .collect(),
        ..summary_out(s)
    })
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

/// Audits the step, keeps the answer under the `Idempotency-Key`, commits, and
/// answers 200 with the shipment as it now is.
pub(crate) async fn finish(
    opened: Opened,
    me: &Principal,
    request_id: &RequestId,
    key: &IdempotencyKey,
    action: &str,
    before: &RtvShipment,
    after: &RtvShipment,
) -> Result<HttpResponse, ApiError> {
    let Opened { txn, hash } = opened;
    let out = shipment_out(&txn, after).await?;
    let change = Change {
        action,
        entity: ENTITY,
        entity_id: after.id,
        branch_id: Some(after.branch_id),
        before: snapshot(&summary_out(before)),
        after: snapshot(&summary_out(after)),
    };
    audit::record(&txn, Some(me.user_id), request_id, change).await?;
    let text = idempotency::keep(&txn, me.user_id, key, hash, StatusCode::OK, &out).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(after.version)))
        .content_type("application/json")
        .body(text))
}
