//! E-commerce platforms' orders and the returns asked for on them (`/orders`,
//! `/order-returns`), the units kept in a returns warehouse, and the platforms an
//! order can come from.

use aftersales_api_types::Page;
use aftersales_api_types::orders::{
    ChangeOrderStatus, CreateOrder, DecideReturn, OrderDto, OrderReturnDto, OrderSummaryDto, RequestReturn,
};
use aftersales_api_types::partners::{PartnerDto, PartnerKind};
use gloo_net::http::Method;
use uuid::Uuid;

use super::{ApiError, Call, authed, every_page};
use crate::pages::orders::filters::OrderFilters;
use crate::query::wire;
use crate::session::Session;

pub const ORDERS: &str = "/orders";

/// `GET /orders` with the list's filters: one page, newest first.
pub async fn list(
    session: Session,
    filters: OrderFilters,
    cursor: Option<String>,
) -> Result<Page<OrderSummaryDto>, ApiError> {
    let call = Call::new(Method::GET, ORDERS).queries(filters.pairs()).query("cursor", cursor);
    authed(session, call).await
}

/// `GET /orders/{id}`: the order with its lines, history and returns.
pub async fn get(session: Session, id: Uuid) -> Result<OrderDto, ApiError> {
    authed(session, Call::new(Method::GET, format!("{ORDERS}/{id}"))).await
}

/// `POST /orders`, with a fresh `Idempotency-Key`: a retry after a lost answer
/// does not take the order in twice.
pub async fn create(session: Session, body: &CreateOrder) -> Result<OrderDto, ApiError> {
    authed(session, Call::new(Method::POST, ORDERS).fresh_idempotency_key().json(body)?).await
}

/// `POST /orders/{id}/status` at the version read (412 if it changed since).
pub async fn change_status(
    session: Session,
    id: Uuid,
    version: i64,
    body: &ChangeOrderStatus,
) -> Result<OrderDto, ApiError> {
    let call = Call::new(Method::POST, format!("{ORDERS}/{id}/status")).if_match(version).fresh_idempotency_key();
    authed(session, call.json(body)?).await
}

/// `POST /orders/{id}/returns`: opens the return/exchange ticket.
pub async fn request_return(session: Session, id: Uuid, body: &RequestReturn) -> Result<OrderReturnDto, ApiError> {
    let call = Call::new(Method::POST, format!("{ORDERS}/{id}/returns")).fresh_idempotency_key();
    authed(session, call.json(body)?).await
}

/// `POST /order-returns/{id}/decision` at the version of the return read.
pub async fn decide(session: Session, id: Uuid, version: i64, body: &DecideReturn) -> Result<OrderReturnDto, ApiError> {
    let call =
        Call::new(Method::POST, format!("/order-returns/{id}/decision")).if_match(version).fresh_idempotency_key();
    authed(session, call.json(body)?).await
}

/// `GET /warehouses/{id}/returned-units`: one page of the units kept there, newest first.
pub async fn returned_units(
    session: Session,
    warehouse: Uuid,
    cursor: Option<String>,
) -> Result<Page<OrderReturnDto>, ApiError> {
    let call = Call::new(Method::GET, format!("/warehouses/{warehouse}/returned-units"))
        .query("limit", Some("20".to_owned()))
        .query("cursor", cursor);
    authed(session, call).await
}

/// The partners that sell (`GET /partners?kind=…`, e-commerce platforms then
/// dealers), by code.
pub async fn sellers(session: Session) -> Result<Vec<PartnerDto>, ApiError> {
    let mut all = Vec::new();
    for kind in [PartnerKind::EcommercePlatform, PartnerKind::Dealer] {
        let list: Vec<PartnerDto> = every_page(session, "/partners", &[("kind", wire(&kind))]).await?;
        all.extend(list);
    }
    all.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(all)
}
