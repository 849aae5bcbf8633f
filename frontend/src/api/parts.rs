//! The parts catalogue and the warehouses (`/parts`, `/warehouses`), with the lists
//! their forms choose from: brands, product models, branches and technicians.

use aftersales_api_types::Page;
use aftersales_api_types::branches::BranchDto;
use aftersales_api_types::catalogue::BrandDto;
use aftersales_api_types::catalogue::ProductModelDto;
use aftersales_api_types::parts::{CreatePart, PartDto, UpdatePart};
use aftersales_api_types::users::UserDto;
use aftersales_api_types::warehouses::{CreateWarehouse, UpdateWarehouse, WarehouseDto};
use gloo_net::http::Method;
use uuid::Uuid;

use super::{ApiError, Call, authed};
use crate::pages::parts::filters::PartFilters;
use crate::session::Session;

/// How many pages of a choice list are read at most (200 rows each).
const MAX_PAGES: usize = 25;

/// Every page of a list endpoint with these filters, 200 rows at a time.
async fn every_page<T: serde::de::DeserializeOwned>(
    session: Session,
    path: &str,
    filters: &[(&'static str, String)],
) -> Result<Vec<T>, ApiError> {
    let mut items = Vec::new();
    let mut cursor = None;
    for _ in 0..MAX_PAGES {
        let mut call = Call::new(Method::GET, path);
        for (name, value) in filters {
            call = call.query(name, Some(value.clone()));
        }
        let call = call.query("limit", Some("200".to_owned())).query("cursor", cursor);
        let page: Page<T> = authed(session, call).await?;
        items.extend(page.items);
        cursor = page.next_cursor;
        if cursor.is_none() {
            break;
        }
    }
    Ok(items)
}

/// The `If-Match` value of a version.
fn if_match(version: i64) -> String {
    format!("\"{version}\"")
}

/// `GET /parts` with the page's filters: one page of parts, by SKU.
pub async fn list(session: Session, filters: PartFilters, cursor: Option<String>) -> Result<Page<PartDto>, ApiError> {
    let mut call = Call::new(Method::GET, "/parts");
    for (name, value) in filters.pairs() {
        call = call.query(name, Some(value));
    }
    authed(session, call.query("cursor", cursor)).await
}

/// `POST /parts`: a new part.
pub async fn create(session: Session, body: &CreatePart) -> Result<PartDto, ApiError> {
    authed(session, Call::new(Method::POST, "/parts").json(body)?).await
}

/// `PATCH /parts/{id}` at the version read (412 if it changed since).
pub async fn update(session: Session, id: Uuid, version: i64, body: &UpdatePart) -> Result<PartDto, ApiError> {
    let call = Call::new(Method::PATCH, format!("/parts/{id}")).header("If-Match", if_match(version)).json(body)?;
    authed(session, call).await
}

/// `GET /brands`, every page.
pub async fn brands(session: Session) -> Result<Vec<BrandDto>, ApiError> {
    every_page(session, "/brands", &[]).await
}

/// `GET /product-models?brand_id=…`, every page: the models a part of the brand may fit.
pub async fn models(session: Session, brand_id: Uuid) -> Result<Vec<ProductModelDto>, ApiError> {
    every_page(session, "/product-models", &[("brand_id", brand_id.to_string())]).await
}

/// `GET /warehouses`, every page, by code.
pub async fn warehouses(session: Session) -> Result<Vec<WarehouseDto>, ApiError> {
    every_page(session, "/warehouses", &[]).await
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
    let call =
        Call::new(Method::PATCH, format!("/warehouses/{id}")).header("If-Match", if_match(version)).json(body)?;
    authed(session, call).await
}

/// `GET /branches`, every page (managers and admins may read them).
pub async fn branches(session: Session) -> Result<Vec<BranchDto>, ApiError> {
    every_page(session, "/branches", &[]).await
}

/// `GET /users?role=technician`, every page, optionally of one branch.
pub async fn technicians(session: Session, branch_id: Option<Uuid>) -> Result<Vec<UserDto>, ApiError> {
    let mut filters = vec![("role", "technician".to_owned())];
    if let Some(branch) = branch_id {
        filters.push(("branch_id", branch.to_string()));
    }
    every_page(session, "/users", &filters).await
}
