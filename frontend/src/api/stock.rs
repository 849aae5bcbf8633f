//! The whole parts catalogue and the stock ledger (`/parts`, `/stock`).

use aftersales_api_types::Page;
use aftersales_api_types::parts::PartDto;
use aftersales_api_types::stock::{MovementDto, MovementResult, ReceiveStock, StockLineDto};
use gloo_net::http::Method;
use uuid::Uuid;

use super::{ApiError, Call, authed, every_page};
use crate::session::Session;

/// `GET /parts`, every page: the parts catalogue, by SKU.
pub async fn parts(session: Session) -> Result<Vec<PartDto>, ApiError> {
    every_page(session, "/parts", &[]).await
}

/// `GET /stock?warehouse_id=…`, every page: the stock of every part in a warehouse,
/// by SKU, each line with the part's SKU, name and currency.
pub async fn balances(session: Session, warehouse_id: Uuid) -> Result<Vec<StockLineDto>, ApiError> {
    every_page(session, "/stock", &[("warehouse_id", warehouse_id.to_string())]).await
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
    let call = Call::new(Method::POST, "/stock/receipts").fresh_idempotency_key().json(request)?;
    authed(session, call).await
}
