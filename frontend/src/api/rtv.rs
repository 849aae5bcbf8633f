//! Return-to-vendor shipments (`/rtv-shipments`): old parts packed for the
//! manufacturer, shipped, and acknowledged. Shipping and acknowledging carry the
//! version the user saw (`If-Match`: 412 if someone changed it meanwhile) and a
//! fresh `Idempotency-Key` (a retry after a lost answer is safe).

use aftersales_api_types::Page;
use aftersales_api_types::rtv::{CreateRtvShipment, RtvReference, RtvShipmentDto, RtvStatus};
use gloo_net::http::Method;
use uuid::Uuid;

use super::{ApiError, Call, authed};
use crate::query::wire;
use crate::session::Session;

/// `GET /rtv-shipments[?status=…]`: one page, newest first, without their parts.
pub async fn list(
    session: Session,
    status: Option<RtvStatus>,
    cursor: Option<String>,
) -> Result<Page<RtvShipmentDto>, ApiError> {
    let call =
        Call::new(Method::GET, "/rtv-shipments").query("status", status.as_ref().map(wire)).query("cursor", cursor);
    authed(session, call).await
}

/// `GET /rtv-shipments/{id}`: the shipment with its parts.
pub async fn get(session: Session, id: Uuid) -> Result<RtvShipmentDto, ApiError> {
    authed(session, Call::new(Method::GET, format!("/rtv-shipments/{id}"))).await
}

/// `POST /rtv-shipments`: a draft; nothing moves yet.
pub async fn create(session: Session, request: &CreateRtvShipment) -> Result<RtvShipmentDto, ApiError> {
    authed(session, Call::new(Method::POST, "/rtv-shipments").json(request)?).await
}

/// A step of a shipment read at `version`.
fn step(path: String, version: i64) -> Call {
    Call::new(Method::POST, path).if_match(version).fresh_idempotency_key()
}

/// `POST /rtv-shipments/{id}/ship`: every part leaves the warehouse, or none.
pub async fn ship(
    session: Session,
    id: Uuid,
    version: i64,
    request: &RtvReference,
) -> Result<RtvShipmentDto, ApiError> {
    authed(session, step(format!("/rtv-shipments/{id}/ship"), version).json(request)?).await
}

/// `POST /rtv-shipments/{id}/acknowledge`: the manufacturer's credit note; the
/// parts are written off.
pub async fn acknowledge(
    session: Session,
    id: Uuid,
    version: i64,
    request: &RtvReference,
) -> Result<RtvShipmentDto, ApiError> {
    authed(session, step(format!("/rtv-shipments/{id}/acknowledge"), version).json(request)?).await
}
