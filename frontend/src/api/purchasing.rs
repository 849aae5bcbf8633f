//! Purchase orders (`/purchase-orders`) and the parts below their reorder point
//! (`/reports/below-reorder-point`), the list a purchase starts from.

use aftersales_api_types::Page;
use aftersales_api_types::purchasing::{
    CreatePurchaseOrder, PurchaseOrderDto, ReceivePurchaseOrder, UpdatePurchaseOrder,
};
use aftersales_api_types::stock_reports::BelowReorderReport;
use gloo_net::http::Method;
use uuid::Uuid;

use super::{ApiError, Call, authed};
use crate::pages::purchasing::filters::OrderFilters;
use crate::session::Session;

/// `GET /purchase-orders` with the page's filters: one page, newest first.
pub async fn list(
    session: Session,
    filters: OrderFilters,
    cursor: Option<String>,
) -> Result<Page<PurchaseOrderDto>, ApiError> {
    let call = Call::new(Method::GET, "/purchase-orders").queries(filters.pairs());
    authed(session, call.query("cursor", cursor)).await
}

/// `GET /purchase-orders/{id}`.
pub async fn get(session: Session, id: Uuid) -> Result<PurchaseOrderDto, ApiError> {
    authed(session, Call::new(Method::GET, format!("/purchase-orders/{id}"))).await
}

/// `POST /purchase-orders`: a new draft. The idempotency key makes a retry safe.
pub async fn create(session: Session, body: &CreatePurchaseOrder) -> Result<PurchaseOrderDto, ApiError> {
    let call = Call::new(Method::POST, "/purchase-orders").fresh_idempotency_key().json(body)?;
    authed(session, call).await
}

/// `PATCH /purchase-orders/{id}` at the version read (412 if it changed since).
pub async fn update(
    session: Session,
    id: Uuid,
    version: i64,
    body: &UpdatePurchaseOrder,
) -> Result<PurchaseOrderDto, ApiError> {
    let call = Call::new(Method::PATCH, format!("/purchase-orders/{id}")).if_match(version).json(body)?;
    authed(session, call).await
}

/// `POST /purchase-orders/{id}/order`: the draft goes to the supplier.
pub async fn order(session: Session, id: Uuid, version: i64) -> Result<PurchaseOrderDto, ApiError> {
    let call =
        Call::new(Method::POST, format!("/purchase-orders/{id}/order")).if_match(version).fresh_idempotency_key();
    authed(session, call).await
}

/// `POST /purchase-orders/{id}/cancel`: only while nothing arrived.
pub async fn cancel(session: Session, id: Uuid, version: i64) -> Result<PurchaseOrderDto, ApiError> {
    let call =
        Call::new(Method::POST, format!("/purchase-orders/{id}/cancel")).if_match(version).fresh_idempotency_key();
    authed(session, call).await
}

/// `POST /purchase-orders/{id}/receive`: goods arriving into stock. A fresh
/// idempotency key per submit makes a retry after a lost answer safe.
pub async fn receive(
    session: Session,
    id: Uuid,
    version: i64,
    body: &ReceivePurchaseOrder,
) -> Result<PurchaseOrderDto, ApiError> {
    let call = Call::new(Method::POST, format!("/purchase-orders/{id}/receive"))
        .if_match(version)
        .fresh_idempotency_key()
        .json(body)?;
    authed(session, call).await
}

/// `GET /reports/below-reorder-point`, of one warehouse when given.
pub async fn below_reorder_point(session: Session, warehouse_id: Option<Uuid>) -> Result<BelowReorderReport, ApiError> {
    let call = Call::new(Method::GET, "/reports/below-reorder-point")
        .query("warehouse_id", warehouse_id.map(|w| w.to_string()));
    authed(session, call).await
}
