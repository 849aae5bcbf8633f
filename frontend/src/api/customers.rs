//! Customers (`/customers`): the list with its filters, one customer, creating and
//! changing them, possible duplicates, and what links to a customer (units, tickets).

use aftersales_api_types::Page;
use aftersales_api_types::customers::{CreateCustomer, CustomerDto, UpdateCustomer};
use aftersales_api_types::serials::SerialUnitDto;
use aftersales_api_types::tickets::TicketDto;
use gloo_net::http::Method;
use uuid::Uuid;

use super::{ApiError, Call, authed, every_page};
use crate::pages::customers::filters::CustomerFilters;
use crate::session::Session;

/// `GET /customers` with the page's filters: one page, newest first.
pub async fn list(
    session: Session,
    filters: CustomerFilters,
    cursor: Option<String>,
) -> Result<Page<CustomerDto>, ApiError> {
    let call = Call::new(Method::GET, "/customers").queries(filters.pairs());
    authed(session, call.query("cursor", cursor)).await
}

/// `POST /customers`.
pub async fn create(session: Session, request: &CreateCustomer) -> Result<CustomerDto, ApiError> {
    authed(session, Call::new(Method::POST, "/customers").json(request)?).await
}

/// `PATCH /customers/{id}` with `If-Match` of the version the form was filled from
/// (412 when someone changed the customer since).
pub async fn update(
    session: Session,
    id: Uuid,
    version: i64,
    request: &UpdateCustomer,
) -> Result<CustomerDto, ApiError> {
    let call = Call::new(Method::PATCH, format!("/customers/{id}")).if_match(version);
    authed(session, call.json(request)?).await
}

/// `GET /customers/duplicates?phone=…&email=…`: customers with that phone or e-mail.
pub async fn duplicates(
    session: Session,
    phone: Option<String>,
    email: Option<String>,
) -> Result<Page<CustomerDto>, ApiError> {
    let call = Call::new(Method::GET, "/customers/duplicates").query("phone", phone).query("email", email);
    authed(session, call).await
}

/// The units this customer owns. The API finds units by the owner's phone
/// (`GET /serials?phone=…`), which may also match other customers with that
/// number: only this customer's units are kept. Each phone is asked once.
pub async fn units(session: Session, customer: &CustomerDto) -> Result<Vec<SerialUnitDto>, ApiError> {
    let mut units: Vec<SerialUnitDto> = Vec::new();
    for phone in &customer.phones {
        let found: Vec<SerialUnitDto> = every_page(session, "/serials", &[("phone", phone.normalized.clone())]).await?;
        for unit in found {
            if unit.owner_customer_id == Some(customer.id) && !units.iter().any(|u| u.id == unit.id) {
                units.push(unit);
            }
        }
    }
    Ok(units)
}

/// `GET /tickets?customer_id=…`: one page of the customer's tickets, newest first.
pub async fn tickets(session: Session, customer_id: Uuid, cursor: Option<String>) -> Result<Page<TicketDto>, ApiError> {
    let call = Call::new(Method::GET, "/tickets")
        .query("customer_id", Some(customer_id.to_string()))
        .query("sort", Some("newest".to_owned()))
        .query("cursor", cursor);
    authed(session, call).await
}
