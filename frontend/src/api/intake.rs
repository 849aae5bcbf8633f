//! The intake wizard's calls: finding a unit, the customer, creating the ticket,
//! and what its receipt shows (its QR code, the A5 copy).

use aftersales_api_types::Page;
use aftersales_api_types::customers::{CreateCustomer, CustomerDto};
use aftersales_api_types::serials::SerialUnitDto;
use aftersales_api_types::tickets::{CreateTicket, TicketDto};
use gloo_net::http::Method;
use uuid::Uuid;

use super::{ApiError, Call, authed, problem_of, send_authed};
use crate::session::Session;

/// What the clerk has in hand to find the unit: one filter of `GET /serials`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindBy {
    Serial,
    WarrantyCard,
    Document,
    Phone,
}

impl FindBy {
    pub const ALL: [FindBy; 4] = [FindBy::Serial, FindBy::WarrantyCard, FindBy::Document, FindBy::Phone];

    /// The query parameter of `GET /serials`.
    pub fn param(self) -> &'static str {
        match self {
            FindBy::Serial => "serial",
            FindBy::WarrantyCard => "warranty_card",
            FindBy::Document => "document",
            FindBy::Phone => "phone",
        }
    }

    pub fn from_param(text: &str) -> FindBy {
        FindBy::ALL.into_iter().find(|b| b.param() == text).unwrap_or(FindBy::Serial)
    }
}

/// `GET /serials?<by>=<value>`: the units that match (first page, oldest first).
pub async fn find_units(session: Session, by: FindBy, value: String) -> Result<Vec<SerialUnitDto>, ApiError> {
    let call = Call::new(Method::GET, "/serials").query(by.param(), Some(value)).query("limit", Some("20".to_owned()));
    let page: Page<SerialUnitDto> = authed(session, call).await?;
    Ok(page.items)
}

/// `GET /customers?q=`: customers whose name, phone, e-mail or tax id match.
pub async fn search_customers(session: Session, q: String) -> Result<Vec<CustomerDto>, ApiError> {
    let call = Call::new(Method::GET, "/customers").query("q", Some(q)).query("limit", Some("20".to_owned()));
    let page: Page<CustomerDto> = authed(session, call).await?;
    Ok(page.items)
}

/// `POST /customers`.
pub async fn create_customer(session: Session, body: CreateCustomer) -> Result<CustomerDto, ApiError> {
    authed(session, Call::new(Method::POST, "/customers").json(&body)?).await
}

/// `POST /tickets`: takes the unit in.
pub async fn create_ticket(session: Session, body: &CreateTicket) -> Result<TicketDto, ApiError> {
    authed(session, Call::new(Method::POST, "/tickets").json(body)?).await
}

/// The text of an authenticated non-JSON answer (SVG, HTML).
async fn text_of(session: Session, call: Call) -> Result<String, ApiError> {
    let response = send_authed(session, &call).await?;
    if !response.ok() {
        return Err(problem_of(response).await);
    }
    response.text().await.map_err(|e| ApiError::unexpected(200, e))
}

/// `GET /tickets/{id}/qr.svg` as a `data:` URL an `<img>` can show (the image needs
/// the bearer token, so it cannot be a plain `src`).
pub async fn qr_data_url(session: Session, id: Uuid) -> Result<String, ApiError> {
    let svg = text_of(session, Call::new(Method::GET, format!("/tickets/{id}/qr.svg"))).await?;
    Ok(format!("data:image/svg+xml;charset=utf-8,{}", String::from(js_sys::encode_uri_component(&svg))))
}

/// `GET /tickets/{id}/receipt?lang=…`: the customer's A5 copy as HTML.
pub async fn receipt_html(session: Session, id: Uuid, lang: &str) -> Result<String, ApiError> {
    let call = Call::new(Method::GET, format!("/tickets/{id}/receipt")).query("lang", Some(lang.to_owned()));
    text_of(session, call).await
}
