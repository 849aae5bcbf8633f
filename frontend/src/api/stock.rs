//! Warehouses, the parts catalogue and the stock ledger (`/warehouses`, `/parts`,
//! `/stock`).

use aftersales_api_types::Page;
use aftersales_api_types::parts::PartDto;
use aftersales_api_types::stock::{MovementDto, MovementResult, ReceiveStock, StockDto};
use aftersales_api_types::warehouses::WarehouseDto;
use gloo_net::http::Method;
use uuid::Uuid;

use super::{ApiError, Call, authed};
use crate::session::Session;

/// How many pages of a list the screens read at most (200 rows each).
const MAX_PAGES: usize = 25;

/// Every page of a list endpoint, 200 rows at a time (bounded by [`MAX_PAGES`]).
async fn all_pages<T: serde::de::DeserializeOwned>(session: Session, path: &str) -> Result<Vec<T>, ApiError> {
    let mut items = Vec::new();
    let mut cursor = None;
    for _ in 0..MAX_PAGES {
        let call = Call::new(Method::GET, path).query("limit", Some("200".to_owned())).query("cursor", cursor);
        let page: Page<T> = authed(session, call).await?;
        items.extend(page.items);
        cursor = page.next_cursor;
        if cursor.is_none() {
            break;
        }
    }
    Ok(items)
}

/// `GET /warehouses`, every page: the warehouses in the user's scope, by code.
pub async fn warehouses(session: Session) -> Result<Vec<WarehouseDto>, ApiError> {
    all_pages(session, "/warehouses").await
}

/// `GET /parts`, every page: the parts catalogue, by SKU.
pub async fn parts(session: Session) -> Result<Vec<PartDto>, ApiError> {
    all_pages(session, "/parts").await
}

/// `GET /stock?warehouse_id=…`: the stock of every part in a warehouse.
pub async fn balances(session: Session, warehouse_id: Uuid) -> Result<Vec<StockDto>, ApiError> {
    let call = Call::new(Method::GET, "/stock").query("warehouse_id", Some(warehouse_id.to_string()));
    authed(session, call).await
}

/// `GET /stock/movements?warehouse_id=…&part_id=…`: one page of a part's ledger, oldest first.
pub async fn movements(
    session: Session,
    warehouse_id: Uuid,
    part_id: Uuid,
    cursor: Option<String>,
) -> Result<Page<MovementDto>, ApiError> {
    let call = Call::new(Method::GET, "/stock/movements")
        .query("warehouse_id", Some(warehouse_id.to_string()))
        .query("part_id", Some(part_id.to_string()))
        .query("cursor", cursor);
    authed(session, call).await
}

/// `POST /stock/receipts`: parts arriving at a unit cost. The idempotency key makes
/// a retry after a lost answer safe.
pub async fn receive(session: Session, request: &ReceiveStock) -> Result<MovementResult, ApiError> {
    let call = Call::new(Method::POST, "/stock/receipts")
        .header("Idempotency-Key", Uuid::now_v7().to_string())
        .json(request)?;
    authed(session, call).await
}
