//! The serial registry: a unit as the lookup page reads it
//! (`/serials/{serial}/history`), registering one, changing its facts and owner,
//! its contracts and component swaps, its tickets, and the warranty claim of a
//! registered unit.

use aftersales_api_types::Page;
use aftersales_api_types::catalogue::ComponentDto;
use aftersales_api_types::entitlement::{ClaimFacts, EvaluateRequest};
use aftersales_api_types::serial_records::{AddContract, ChangeOwner, ContractDto, RecordSwap, SerialHistory, SwapDto};
use aftersales_api_types::serials::{RegisterSerial, SerialUnitDto, UpdateSerial};
use aftersales_api_types::tickets::TicketDto;
use chrono::NaiveDate;
use gloo_net::http::Method;
use uuid::Uuid;

use super::{ApiError, Call, authed, every_page};
use crate::session::Session;

/// `GET /serials/{serial}/history`: every unit with this serial (one per brand),
/// with owners, swaps, contracts and events. 404 when none has it.
pub async fn history(session: Session, serial: &str) -> Result<Vec<SerialHistory>, ApiError> {
    let path = format!("/serials/{}/history", String::from(js_sys::encode_uri_component(serial)));
    authed(session, Call::new(Method::GET, path)).await
}

/// `GET /serials/{id}`: one unit as it is now.
pub async fn get(session: Session, id: Uuid) -> Result<SerialUnitDto, ApiError> {
    authed(session, Call::new(Method::GET, format!("/serials/{id}"))).await
}

/// `GET /serials?serial=…[&brand_id=…]`: the units with this serial however typed.
pub async fn find(session: Session, serial: &str, brand_id: Option<Uuid>) -> Result<Vec<SerialUnitDto>, ApiError> {
    let call = Call::new(Method::GET, "/serials")
        .query("serial", Some(serial.to_owned()))
        .query("brand_id", brand_id.map(|b| b.to_string()))
        .query("limit", Some("20".to_owned()));
    let page: Page<SerialUnitDto> = authed(session, call).await?;
    Ok(page.items)
}

/// `POST /serials`: registers a sold unit (409 when its brand has the serial, or
/// the card is on another unit).
pub async fn register(session: Session, body: &RegisterSerial) -> Result<SerialUnitDto, ApiError> {
    authed(session, Call::new(Method::POST, "/serials").json(body)?).await
}

/// `PATCH /serials/{id}` with `If-Match` of the version the form was filled from
/// (412 when someone changed the unit since).
pub async fn update(session: Session, id: Uuid, version: i64, body: &UpdateSerial) -> Result<SerialUnitDto, ApiError> {
    let call = Call::new(Method::PATCH, format!("/serials/{id}")).if_match(version);
    authed(session, call.json(body)?).await
}

/// `POST /serials/{id}/owner` with `If-Match`: a new owner from a day on.
pub async fn change_owner(
    session: Session,
    id: Uuid,
    version: i64,
    body: &ChangeOwner,
) -> Result<SerialUnitDto, ApiError> {
    let call = Call::new(Method::POST, format!("/serials/{id}/owner")).if_match(version);
    authed(session, call.json(body)?).await
}

/// `POST /serials/{id}/contracts`: an extended warranty or service contract.
pub async fn add_contract(session: Session, id: Uuid, body: &AddContract) -> Result<ContractDto, ApiError> {
    authed(session, Call::new(Method::POST, format!("/serials/{id}/contracts")).json(body)?).await
}

/// `POST /serials/{id}/component-swaps`: a component replaced in the unit.
pub async fn record_swap(session: Session, id: Uuid, body: &RecordSwap) -> Result<SwapDto, ApiError> {
    authed(session, Call::new(Method::POST, format!("/serials/{id}/component-swaps")).json(body)?).await
}

/// `GET /product-models/{id}/components`, every page: what a swap or contract may name.
pub async fn components(session: Session, model_id: Uuid) -> Result<Vec<ComponentDto>, ApiError> {
    every_page(session, &format!("/product-models/{model_id}/components"), &[]).await
}

/// `GET /tickets?serial_id=…`: the unit's tickets, newest first (first page).
pub async fn tickets(session: Session, serial_id: Uuid) -> Result<Page<TicketDto>, ApiError> {
    let call = Call::new(Method::GET, "/tickets")
        .query("serial_id", Some(serial_id.to_string()))
        .query("sort", Some("newest".to_owned()))
        .query("limit", Some("50".to_owned()));
    authed(session, call).await
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
