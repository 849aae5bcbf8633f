//! Counter sales of parts (`/part-sales`): parts sold from a warehouse's shelf to
//! a customer or a walk-in buyer.

use aftersales_api_types::Page;
use aftersales_api_types::part_sales::{NewPartSale, PartSaleDto};
use gloo_net::http::Method;
use uuid::Uuid;

use super::{ApiError, Call, authed};
use crate::pages::part_sales::filters::SaleFilters;
use crate::session::Session;

/// `GET /part-sales` with the page's filters: one page, newest first.
pub async fn list(
    session: Session,
    filters: SaleFilters,
    cursor: Option<String>,
) -> Result<Page<PartSaleDto>, ApiError> {
    let call = Call::new(Method::GET, "/part-sales").queries(filters.api_pairs());
    authed(session, call.query("cursor", cursor)).await
}

/// `GET /part-sales/{id}`.
pub async fn get(session: Session, id: Uuid) -> Result<PartSaleDto, ApiError> {
    authed(session, Call::new(Method::GET, format!("/part-sales/{id}"))).await
}

/// `POST /part-sales`: the sale, all lines or none. The idempotency key makes a
/// retry after a lost answer sell once.
pub async fn create(session: Session, body: &NewPartSale) -> Result<PartSaleDto, ApiError> {
    let call = Call::new(Method::POST, "/part-sales").fresh_idempotency_key().json(body)?;
    authed(session, call).await
}
