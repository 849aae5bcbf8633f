//! Stock transfers between warehouses (`/transfers`) and stocktakes (`/stocktakes`).
//! Every step that moves stock carries a fresh `Idempotency-Key` (a retry after a
//! lost answer is then safe) and the version the user saw as `If-Match` (acting on
//! a transfer someone else changed meanwhile is refused with 412).

use aftersales_api_types::Page;
use aftersales_api_types::stocktakes::{OpenStocktake, StocktakeCounts, StocktakeDto, StocktakeStatus};
use aftersales_api_types::transfers::{CloseTransfer, CreateTransfer, ReceiveTransfer, TransferDto};
use gloo_net::http::Method;
use uuid::Uuid;

use super::{ApiError, Call, authed};
use crate::pages::transfers::filters::TransferFilters;
use crate::query::wire;
use crate::session::Session;

/// A POST that moves stock: a new idempotency key per submit.
fn moving(path: String, version: Option<i64>) -> Call {
    let call = Call::new(Method::POST, path).fresh_idempotency_key();
    match version {
        Some(v) => call.if_match(v),
        None => call,
    }
}

/// `GET /transfers` with the page's filters: one page, newest first.
pub async fn list(
    session: Session,
    filters: TransferFilters,
    cursor: Option<String>,
) -> Result<Page<TransferDto>, ApiError> {
    let call = Call::new(Method::GET, "/transfers")
        .query("status", filters.status.as_ref().map(wire))
        .query("warehouse_id", filters.warehouse_id.map(|w| w.to_string()))
        .query("in_transit", filters.in_transit.map(|b| b.to_string()))
        .query("cursor", cursor);
    authed(session, call).await
}

/// `GET /transfers/{id}`.
pub async fn get(session: Session, id: Uuid) -> Result<TransferDto, ApiError> {
    authed(session, Call::new(Method::GET, format!("/transfers/{id}"))).await
}

/// `POST /transfers`: a draft; nothing moves yet.
pub async fn create(session: Session, request: &CreateTransfer) -> Result<TransferDto, ApiError> {
    authed(session, moving("/transfers".to_owned(), None).json(request)?).await
}

/// `POST /transfers/{id}/ship`: every line leaves the source, or none does.
pub async fn ship(session: Session, id: Uuid, version: i64) -> Result<TransferDto, ApiError> {
    authed(session, moving(format!("/transfers/{id}/ship"), Some(version))).await
}

/// `POST /transfers/{id}/receive`: what arrived, per part.
pub async fn receive(
    session: Session,
    id: Uuid,
    version: i64,
    request: &ReceiveTransfer,
) -> Result<TransferDto, ApiError> {
    authed(session, moving(format!("/transfers/{id}/receive"), Some(version)).json(request)?).await
}

/// `POST /transfers/{id}/close-with-discrepancy`: the rest in transit written down as missing.
pub async fn close(session: Session, id: Uuid, version: i64, request: &CloseTransfer) -> Result<TransferDto, ApiError> {
    authed(session, moving(format!("/transfers/{id}/close-with-discrepancy"), Some(version)).json(request)?).await
}

/// `GET /stocktakes`: one page of count sheets, newest first.
pub async fn stocktakes(
    session: Session,
    warehouse_id: Option<Uuid>,
    status: Option<StocktakeStatus>,
    cursor: Option<String>,
) -> Result<Page<StocktakeDto>, ApiError> {
    let call = Call::new(Method::GET, "/stocktakes")
        .query("warehouse_id", warehouse_id.map(|w| w.to_string()))
        .query("status", status.as_ref().map(wire))
        .query("cursor", cursor);
    authed(session, call).await
}

/// `GET /stocktakes/{id}`.
pub async fn stocktake(session: Session, id: Uuid) -> Result<StocktakeDto, ApiError> {
    authed(session, Call::new(Method::GET, format!("/stocktakes/{id}"))).await
}

/// `POST /stocktakes`: a count sheet of every part the warehouse has stock of.
pub async fn open_stocktake(session: Session, request: &OpenStocktake) -> Result<StocktakeDto, ApiError> {
    authed(session, Call::new(Method::POST, "/stocktakes").json(request)?).await
}

/// `PUT /stocktakes/{id}/counts`: counts replace earlier ones; a new part joins.
pub async fn count(session: Session, id: Uuid, request: &StocktakeCounts) -> Result<StocktakeDto, ApiError> {
    authed(session, Call::new(Method::PUT, format!("/stocktakes/{id}/counts")).json(request)?).await
}

/// `POST /stocktakes/{id}/post`: the books adjusted to the counts.
pub async fn post_stocktake(session: Session, id: Uuid) -> Result<StocktakeDto, ApiError> {
    authed(session, moving(format!("/stocktakes/{id}/post"), None)).await
}

/// `POST /stocktakes/{id}/cancel`.
pub async fn cancel_stocktake(session: Session, id: Uuid) -> Result<StocktakeDto, ApiError> {
    authed(session, Call::new(Method::POST, format!("/stocktakes/{id}/cancel"))).await
}
