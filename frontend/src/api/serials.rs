//! The serial registry as the lookup page reads it (`/serials/{serial}/history`),
//! the names behind its ids, and the warranty decision for today.

use aftersales_api_types::catalogue::{BrandDto, ProductModelDto};
use aftersales_api_types::customers::CustomerDto;
use aftersales_api_types::entitlement::{ClaimFacts, Decision, EvaluateRequest};
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

/// `GET /brands/{id}`.
pub async fn brand(session: Session, id: Uuid) -> Result<BrandDto, ApiError> {
    authed(session, Call::new(Method::GET, format!("/brands/{id}"))).await
}

/// `GET /product-models/{id}`.
pub async fn model(session: Session, id: Uuid) -> Result<ProductModelDto, ApiError> {
    authed(session, Call::new(Method::GET, format!("/product-models/{id}"))).await
}

/// `GET /customers/{id}`: the owner (only for roles that may see customers).
pub async fn customer(session: Session, id: Uuid) -> Result<CustomerDto, ApiError> {
    authed(session, Call::new(Method::GET, format!("/customers/{id}"))).await
}

/// `POST /warranty/evaluate` for a registered unit: would a repair asked for on
/// `date` be covered? Nothing is stored.
pub async fn evaluate(session: Session, serial_id: Uuid, date: NaiveDate) -> Result<Decision, ApiError> {
    let request = EvaluateRequest {
        unit: None,
        serial_id: Some(serial_id),
        claim: ClaimFacts { date, component_code: None, conditions: Vec::new() },
        contracts: Vec::new(),
        prior_repairs: Vec::new(),
    };
    authed(session, Call::new(Method::POST, "/warranty/evaluate").json(&request)?).await
}
