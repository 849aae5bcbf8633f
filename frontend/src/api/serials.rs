//! The serial registry as the lookup page reads it (`/serials/{serial}/history`)
//! and the warranty claim of a registered unit.

use aftersales_api_types::entitlement::{ClaimFacts, EvaluateRequest};
use aftersales_api_types::serial_records::SerialHistory;
use chrono::NaiveDate;
use gloo_net::http::Method;
use uuid::Uuid;

use super::{ApiError, Call, authed};
use crate::session::Session;

/// `GET /serials/{serial}/history`: every unit with this serial (one per brand),
/// with owners, swaps, contracts and events. 404 when none has it.
pub async fn history(session: Session, serial: &str) -> Result<Vec<SerialHistory>, ApiError> {
    let path = format!("/serials/{}/history", String::from(js_sys::encode_uri_component(serial)));
    authed(session, Call::new(Method::GET, path)).await
}

/// The claim for [`super::reference::evaluate`] about a registered unit: would a
/// repair asked for on `date` be covered?
pub fn unit_claim(serial_id: Uuid, date: NaiveDate) -> EvaluateRequest {
    EvaluateRequest {
        unit: None,
        serial_id: Some(serial_id),
        claim: ClaimFacts { date, component_code: None, conditions: Vec::new() },
        contracts: Vec::new(),
        prior_repairs: Vec::new(),
    }
}
