//! Warranty policies (`/warranty-policies`). The entitlement dry run and the
//! catalogue lists a policy's scope is chosen from are in [`super::reference`].

use aftersales_api_types::warranty::{CreatePolicy, PolicyDto, PolicyTerms};
use gloo_net::http::Method;
use uuid::Uuid;

use super::{ApiError, Call, authed, every_page};
use crate::session::Session;

/// `GET /warranty-policies`, every page.
pub async fn policies(session: Session) -> Result<Vec<PolicyDto>, ApiError> {
    every_page(session, "/warranty-policies", &[]).await
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
