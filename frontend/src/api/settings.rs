//! The settings screens: creating, changing and deleting fault codes, service
//! items, branches and users, and the skills a user may have. The lists they show
//! and choose from are in [`super::reference`].

use aftersales_api_types::branches::{BranchDto, CreateBranch, UpdateBranch};
use aftersales_api_types::fault_codes::{CreateFaultCode, FaultCodeDto, UpdateFaultCode};
use aftersales_api_types::service_items::{CreateServiceItem, ServiceItemDto, UpdateServiceItem};
use aftersales_api_types::skills::SkillDto;
use aftersales_api_types::users::{CreateUser, UpdateUser, UserDto};
use gloo_net::http::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use super::{ApiError, Call, authed, every_page, problem_of, send_authed};
use crate::session::Session;

/// `POST {path}`: a new record.
pub(super) async fn create<B: Serialize, T: DeserializeOwned>(
    session: Session,
    path: &str,
    body: &B,
) -> Result<T, ApiError> {
    authed(session, Call::new(Method::POST, path).json(body)?).await
}

/// `PATCH {path}/{id}` at the version read (412 if it changed since).
pub(super) async fn update<B: Serialize, T: DeserializeOwned>(
    session: Session,
    path: &str,
    id: Uuid,
    version: i64,
    body: &B,
) -> Result<T, ApiError> {
    let call = Call::new(Method::PATCH, format!("{path}/{id}")).if_match(version).json(body)?;
    authed(session, call).await
}

/// `DELETE {path}/{id}` (204 when done).
pub async fn delete(session: Session, path: &str, id: Uuid) -> Result<(), ApiError> {
    let response = send_authed(session, &Call::new(Method::DELETE, format!("{path}/{id}"))).await?;
    if response.ok() { Ok(()) } else { Err(problem_of(response).await) }
}

pub const FAULT_CODES: &str = "/fault-codes";
pub const SERVICE_ITEMS: &str = "/service-items";
pub const BRANCHES: &str = "/branches";

pub async fn fault_codes(session: Session) -> Result<Vec<FaultCodeDto>, ApiError> {
    every_page(session, FAULT_CODES, &[]).await
}

pub async fn create_fault_code(session: Session, body: &CreateFaultCode) -> Result<FaultCodeDto, ApiError> {
    create(session, FAULT_CODES, body).await
}

pub async fn update_fault_code(
    session: Session,
    id: Uuid,
    version: i64,
    body: &UpdateFaultCode,
) -> Result<FaultCodeDto, ApiError> {
    update(session, FAULT_CODES, id, version, body).await
}

pub async fn create_service_item(session: Session, body: &CreateServiceItem) -> Result<ServiceItemDto, ApiError> {
    create(session, SERVICE_ITEMS, body).await
}

pub async fn update_service_item(
    session: Session,
    id: Uuid,
    version: i64,
    body: &UpdateServiceItem,
) -> Result<ServiceItemDto, ApiError> {
    update(session, SERVICE_ITEMS, id, version, body).await
}

pub async fn create_branch(session: Session, body: &CreateBranch) -> Result<BranchDto, ApiError> {
    create(session, BRANCHES, body).await
}

pub async fn update_branch(
    session: Session,
    id: Uuid,
    version: i64,
    body: &UpdateBranch,
) -> Result<BranchDto, ApiError> {
    update(session, BRANCHES, id, version, body).await
}

pub async fn create_user(session: Session, body: &CreateUser) -> Result<UserDto, ApiError> {
    create(session, "/users", body).await
}

pub async fn update_user(session: Session, id: Uuid, version: i64, body: &UpdateUser) -> Result<UserDto, ApiError> {
    update(session, "/users", id, version, body).await
}

/// `GET /skills`, every page, by code.
pub async fn skills(session: Session) -> Result<Vec<SkillDto>, ApiError> {
    every_page(session, "/skills", &[]).await
}
