//! The dashboard (`GET /dashboard`), the names of its stages, and a technician's
//! own jobs (`GET /tickets?technician_id=`).

use aftersales_api_types::Page;
use aftersales_api_types::dashboard::Dashboard;
use aftersales_api_types::tickets::{TicketDto, TicketKind};
use aftersales_api_types::workflows::WorkflowDto;
use gloo_net::http::Method;
use uuid::Uuid;

use super::{ApiError, Call, authed};
use crate::session::Session;

/// The counts of the user's part of the network, or of one branch in it.
pub async fn dashboard(session: Session, branch: Option<Uuid>) -> Result<Dashboard, ApiError> {
    authed(session, Call::new(Method::GET, "/dashboard").query("branch_id", branch.map(|b| b.to_string()))).await
}

/// The newest tickets assigned to `technician`.
pub async fn assigned_to(session: Session, technician: Uuid) -> Result<Page<TicketDto>, ApiError> {
    let call = Call::new(Method::GET, "/tickets")
        .query("technician_id", Some(technician.to_string()))
        .query("sort", Some("newest".to_owned()))
        .query("limit", Some("50".to_owned()));
    authed(session, call).await
}

/// A stage's name in `lang` (else English, else its code) from the workflow of `kind`.
pub fn stage_name(workflows: &[WorkflowDto], kind: TicketKind, code: &str, lang: &str) -> String {
    workflows
        .iter()
        .filter(|w| w.kind == kind)
        .flat_map(|w| w.stages.iter())
        .find(|s| s.code == code)
        .and_then(|s| s.names.get(lang).or_else(|| s.names.get("en")).cloned())
        .unwrap_or_else(|| code.to_owned())
}
