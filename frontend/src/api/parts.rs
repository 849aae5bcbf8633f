//! The parts catalogue and the warehouses (`/parts`, `/warehouses`): listing,
//! creating and changing them. The lists their forms choose from are in
//! [`super::reference`].

use aftersales_api_types::Page;
use aftersales_api_types::parts::{CreatePart, PartDto, UpdatePart};
use aftersales_api_types::warehouses::{CreateWarehouse, UpdateWarehouse, WarehouseDto};
use gloo_net::http::Method;
use uuid::Uuid;

use super::{ApiError, Call, authed};
use crate::pages::parts::filters::PartFilters;
use crate::session::Session;

/// `GET /parts` with the page's filters: one page of parts, by SKU.
pub async fn list(session: Session, filters: PartFilters, cursor: Option<String>) -> Result<Page<PartDto>, ApiError> {
    let call = Call::new(Method::GET, "/parts").queries(filters.pairs());
    authed(session, call.query("cursor", cursor)).await
}

/// `GET /parts?q=…&active=true`: the first page of the parts in use whose SKU or
/// name matches `q`, for a form that picks parts.
pub async fn find_in_use(session: Session, q: String) -> Result<Vec<PartDto>, ApiError> {
    let filters = PartFilters { q, active: Some(true), ..PartFilters::default() };
    list(session, filters, None).await.map(|page| page.items)
}

/// `POST /parts`: a new part.
pub async fn create(session: Session, body: &CreatePart) -> Result<PartDto, ApiError> {
    authed(session, Call::new(Method::POST, "/parts").json(body)?).await
}

/// `PATCH /parts/{id}` at the version read (412 if it changed since).
pub async fn update(session: Session, id: Uuid, version: i64, body: &UpdatePart) -> Result<PartDto, ApiError> {
    let call = Call::new(Method::PATCH, format!("/parts/{id}")).if_match(version).json(body)?;
    authed(session, call).await
}

/// `POST /warehouses`: a new warehouse.
pub async fn create_warehouse(session: Session, body: &CreateWarehouse) -> Result<WarehouseDto, ApiError> {
    authed(session, Call::new(Method::POST, "/warehouses").json(body)?).await
}

/// `PATCH /warehouses/{id}` at the version read.
pub async fn update_warehouse(
    session: Session,
    id: Uuid,
    version: i64,
    body: &UpdateWarehouse,
) -> Result<WarehouseDto, ApiError> {
    let call = Call::new(Method::PATCH, format!("/warehouses/{id}")).if_match(version).json(body)?;
    authed(session, call).await
}
