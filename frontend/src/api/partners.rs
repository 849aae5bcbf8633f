//! Partners and their API keys (admins only): `/partners`, `/partners/{id}/api-keys`.

use aftersales_api_types::partners::{
    ApiKeyDto, CreateApiKey, CreatePartner, CreatedApiKey, PartnerDto, UpdatePartner,
};
use gloo_net::http::Method;
use uuid::Uuid;

use super::settings::{create, update};
use super::{ApiError, Call, authed, every_page};
use crate::session::Session;

pub const PARTNERS: &str = "/partners";

/// `GET /partners`, every page, by code.
pub async fn partners(session: Session) -> Result<Vec<PartnerDto>, ApiError> {
    every_page(session, PARTNERS, &[]).await
}

pub async fn create_partner(session: Session, body: &CreatePartner) -> Result<PartnerDto, ApiError> {
    create(session, PARTNERS, body).await
}

pub async fn update_partner(
    session: Session,
    id: Uuid,
    version: i64,
    body: &UpdatePartner,
) -> Result<PartnerDto, ApiError> {
    update(session, PARTNERS, id, version, body).await
}

/// `GET /partners/{id}/api-keys`: prefixes, scopes, expiry, last use.
pub async fn keys(session: Session, partner: Uuid) -> Result<Vec<ApiKeyDto>, ApiError> {
    authed(session, Call::new(Method::GET, format!("{PARTNERS}/{partner}/api-keys"))).await
}

/// `POST /partners/{id}/api-keys`: the answer holds the secret, this once.
pub async fn create_key(session: Session, partner: Uuid, body: &CreateApiKey) -> Result<CreatedApiKey, ApiError> {
    authed(session, Call::new(Method::POST, format!("{PARTNERS}/{partner}/api-keys")).json(body)?).await
}

/// `POST /partners/{id}/api-keys/{key}/revoke`.
pub async fn revoke_key(session: Session, partner: Uuid, key: Uuid) -> Result<ApiKeyDto, ApiError> {
    authed(session, Call::new(Method::POST, format!("{PARTNERS}/{partner}/api-keys/{key}/revoke"))).await
}
