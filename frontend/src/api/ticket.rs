//! One ticket and what its detail page does with it: the ticket, its customer, its
//! workflow, timeline and next steps, moving it on and dispatching it.

use aftersales_api_types::Page;
use aftersales_api_types::customers::CustomerDto;
use aftersales_api_types::dispatch::{DispatchRequest, DispatchResult};
use aftersales_api_types::tickets::{NextStep, TicketDto, TicketEventDto, TicketKind, TransitionRequest};
use aftersales_api_types::users::UserDto;
use aftersales_api_types::workflows::WorkflowDto;
use gloo_net::http::Method;
use uuid::Uuid;

use super::{ApiError, Call, authed};
use crate::session::Session;

/// The `If-Match` value of a ticket read at `version` (its ETag).
fn if_match(version: i64) -> String {
    format!("\"{version}\"")
}

/// `GET /tickets/{id}`.
pub async fn get(session: Session, id: Uuid) -> Result<TicketDto, ApiError> {
    authed(session, Call::new(Method::GET, format!("/tickets/{id}"))).await
}

/// `GET /customers/{id}`.
pub async fn customer(session: Session, id: Uuid) -> Result<CustomerDto, ApiError> {
    authed(session, Call::new(Method::GET, format!("/customers/{id}"))).await
}

/// `GET /workflows/{kind}`: the stages (with their names) of a ticket kind.
pub async fn workflow(session: Session, kind: TicketKind) -> Result<WorkflowDto, ApiError> {
    let kind = serde_json::to_value(kind).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
    authed(session, Call::new(Method::GET, format!("/workflows/{kind}"))).await
}

/// `GET /tickets/{id}/timeline`: every event, oldest first.
pub async fn timeline(session: Session, id: Uuid) -> Result<Vec<TicketEventDto>, ApiError> {
    authed(session, Call::new(Method::GET, format!("/tickets/{id}/timeline"))).await
}

/// `GET /tickets/{id}/transitions`: the steps from the current stage and their guards.
pub async fn next_steps(session: Session, id: Uuid) -> Result<Vec<NextStep>, ApiError> {
    authed(session, Call::new(Method::GET, format!("/tickets/{id}/transitions"))).await
}

/// `POST /tickets/{id}/transitions` for the ticket as read at `version`.
pub async fn transition(
    session: Session,
    id: Uuid,
    version: i64,
    request: &TransitionRequest,
) -> Result<TicketDto, ApiError> {
    let call = Call::new(Method::POST, format!("/tickets/{id}/transitions"))
        .header("If-Match", if_match(version))
        .json(request)?;
    authed(session, call).await
}

/// `POST /tickets/{id}/dispatch` for the ticket as read at `version`.
pub async fn dispatch(
    session: Session,
    id: Uuid,
    version: i64,
    request: &DispatchRequest,
) -> Result<DispatchResult, ApiError> {
    let call = Call::new(Method::POST, format!("/tickets/{id}/dispatch"))
        .header("If-Match", if_match(version))
        .json(request)?;
    authed(session, call).await
}

/// `GET /users?role=technician&branch_id=…&active=true`: the active technicians of a branch.
pub async fn technicians(session: Session, branch_id: Uuid) -> Result<Vec<UserDto>, ApiError> {
    let call = Call::new(Method::GET, "/users")
        .query("role", Some("technician".to_owned()))
        .query("branch_id", Some(branch_id.to_string()))
        .query("active", Some("true".to_owned()))
        .query("limit", Some("200".to_owned()));
    let page: Page<UserDto> = authed(session, call).await?;
    Ok(page.items)
}
