//! Reference data many screens read: the branches and warehouses in the user's
//! scope, the product catalogue, people, the service catalogue and code lists, one
//! customer or ticket, the workflows, and the warranty decision for a claim.

use aftersales_api_types::branches::BranchDto;
use aftersales_api_types::catalogue::{BrandDto, CategoryDto, ProductModelDto};
use aftersales_api_types::customers::CustomerDto;
use aftersales_api_types::entitlement::{Decision, EvaluateRequest};
use aftersales_api_types::fault_codes::FaultCodeDto;
use aftersales_api_types::service_items::ServiceItemDto;
use aftersales_api_types::tickets::{TicketDto, TicketKind};
use aftersales_api_types::users::UserDto;
use aftersales_api_types::warehouses::WarehouseDto;
use aftersales_api_types::workflows::WorkflowDto;
use gloo_net::http::Method;
use uuid::Uuid;

use super::workflows::kind_slug;
use super::{ApiError, Call, authed, every_page};
use crate::session::Session;

/// `active=true` when only active records are wanted.
fn active(only_active: bool) -> Option<(&'static str, String)> {
    only_active.then(|| ("active", "true".to_owned()))
}

/// `GET /branches`, every page: the branches in the user's scope.
pub async fn branches(session: Session) -> Result<Vec<BranchDto>, ApiError> {
    every_page(session, "/branches", &[]).await
}

/// `GET /warehouses`, every page: the warehouses in the user's scope, by code.
pub async fn warehouses(session: Session) -> Result<Vec<WarehouseDto>, ApiError> {
    every_page(session, "/warehouses", &[]).await
}

/// `GET /brands`, every page.
pub async fn brands(session: Session) -> Result<Vec<BrandDto>, ApiError> {
    every_page(session, "/brands", &[]).await
}

/// `GET /brands/{id}`.
pub async fn brand(session: Session, id: Uuid) -> Result<BrandDto, ApiError> {
    authed(session, Call::new(Method::GET, format!("/brands/{id}"))).await
}

/// `GET /product-models[?brand_id=…]`, every page: all models, or one brand's.
pub async fn models(session: Session, brand_id: Option<Uuid>) -> Result<Vec<ProductModelDto>, ApiError> {
    let filters: Vec<_> = brand_id.map(|b| ("brand_id", b.to_string())).into_iter().collect();
    every_page(session, "/product-models", &filters).await
}

/// `GET /product-models/{id}`.
pub async fn model(session: Session, id: Uuid) -> Result<ProductModelDto, ApiError> {
    authed(session, Call::new(Method::GET, format!("/product-models/{id}"))).await
}

/// `GET /product-categories`, every page, by code.
pub async fn categories(session: Session) -> Result<Vec<CategoryDto>, ApiError> {
    every_page(session, "/product-categories", &[]).await
}

/// `GET /users`, every page: the users the user may see.
pub async fn users(session: Session) -> Result<Vec<UserDto>, ApiError> {
    every_page(session, "/users", &[]).await
}

/// `GET /users?role=technician[&branch_id=…][&active=true]`, every page: the
/// technicians, of one branch when given, only the active ones when asked.
pub async fn technicians(
    session: Session,
    branch_id: Option<Uuid>,
    only_active: bool,
) -> Result<Vec<UserDto>, ApiError> {
    let mut filters = vec![("role", "technician".to_owned())];
    filters.extend(branch_id.map(|b| ("branch_id", b.to_string())));
    filters.extend(active(only_active));
    every_page(session, "/users", &filters).await
}

/// `GET /service-items[?category_id=…][&active=true]`, every page: the service
/// catalogue, of one category when given, only the active items when asked.
pub async fn service_items(
    session: Session,
    category_id: Option<Uuid>,
    only_active: bool,
) -> Result<Vec<ServiceItemDto>, ApiError> {
    let mut filters: Vec<_> = category_id.map(|c| ("category_id", c.to_string())).into_iter().collect();
    filters.extend(active(only_active));
    every_page(session, "/service-items", &filters).await
}

/// `GET /fault-codes?kind=…&category_id=…&active=true`, every page: the active
/// codes of one kind (`symptom`, `diagnosis`, `resolution`) in a category.
pub async fn codes(session: Session, kind: &str, category_id: Uuid) -> Result<Vec<FaultCodeDto>, ApiError> {
    let filters = [("kind", kind.to_owned()), ("category_id", category_id.to_string()), ("active", "true".to_owned())];
    every_page(session, "/fault-codes", &filters).await
}

/// `GET /customers/{id}` (only for roles that may see customers).
pub async fn customer(session: Session, id: Uuid) -> Result<CustomerDto, ApiError> {
    authed(session, Call::new(Method::GET, format!("/customers/{id}"))).await
}

/// `GET /tickets/{id}`: the ticket as it is now (its `version` is the `ETag`).
pub async fn ticket(session: Session, id: Uuid) -> Result<TicketDto, ApiError> {
    authed(session, Call::new(Method::GET, format!("/tickets/{id}"))).await
}

/// `GET /workflows`: every ticket kind's workflow (stages with their names per language).
pub async fn workflows(session: Session) -> Result<Vec<WorkflowDto>, ApiError> {
    authed(session, Call::new(Method::GET, "/workflows")).await
}

/// `GET /workflows/{kind}`: one kind's workflow with its version.
pub async fn workflow(session: Session, kind: TicketKind) -> Result<WorkflowDto, ApiError> {
    authed(session, Call::new(Method::GET, format!("/workflows/{}", kind_slug(kind)))).await
}

/// `POST /warranty/evaluate`: the decision for a claim, nothing stored.
pub async fn evaluate(session: Session, request: &EvaluateRequest) -> Result<Decision, ApiError> {
    authed(session, Call::new(Method::POST, "/warranty/evaluate").json(request)?).await
}
