//! Warranty policies and the entitlement dry run (`/warranty-policies`,
//! `/warranty/evaluate`), and the catalogue lists a policy's scope is chosen from.

use aftersales_api_types::Page;
use aftersales_api_types::catalogue::{BrandDto, CategoryDto, ProductModelDto};
use aftersales_api_types::entitlement::{Decision, EvaluateRequest};
use aftersales_api_types::warranty::{CreatePolicy, PolicyDto, PolicyTerms};
use gloo_net::http::Method;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use super::{ApiError, Call, authed};
use crate::session::Session;

/// How many pages of a list the screen reads at most (200 rows each).
const MAX_PAGES: usize = 25;

async fn every_page<T: DeserializeOwned>(session: Session, path: &str) -> Result<Vec<T>, ApiError> {
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

/// `GET /warranty-policies`, every page.
pub async fn policies(session: Session) -> Result<Vec<PolicyDto>, ApiError> {
    every_page(session, "/warranty-policies").await
}

/// `GET /warranty-policies/{id}`: one policy with all its versions.
pub async fn policy(session: Session, id: Uuid) -> Result<PolicyDto, ApiError> {
    authed(session, Call::new(Method::GET, format!("/warranty-policies/{id}"))).await
}

/// `POST /warranty-policies`: a new policy; its terms become version 1.
pub async fn create(session: Session, request: &CreatePolicy) -> Result<PolicyDto, ApiError> {
    authed(session, Call::new(Method::POST, "/warranty-policies").json(request)?).await
}

/// `POST /warranty-policies/{id}/versions`: new terms from a later date.
pub async fn add_version(session: Session, id: Uuid, terms: &PolicyTerms) -> Result<PolicyDto, ApiError> {
    authed(session, Call::new(Method::POST, format!("/warranty-policies/{id}/versions")).json(terms)?).await
}

/// `POST /warranty/evaluate`: the decision for a claim, nothing stored.
pub async fn evaluate(session: Session, request: &EvaluateRequest) -> Result<Decision, ApiError> {
    authed(session, Call::new(Method::POST, "/warranty/evaluate").json(request)?).await
}

/// `GET /brands`, every page.
pub async fn brands(session: Session) -> Result<Vec<BrandDto>, ApiError> {
    every_page(session, "/brands").await
}

/// `GET /product-categories`, every page.
pub async fn categories(session: Session) -> Result<Vec<CategoryDto>, ApiError> {
    every_page(session, "/product-categories").await
}

/// `GET /product-models`, every page.
pub async fn models(session: Session) -> Result<Vec<ProductModelDto>, ApiError> {
    every_page(session, "/product-models").await
}
