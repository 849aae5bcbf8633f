//! The workflow of every ticket kind.
use aftersales_api_types::workflows::WorkflowDto;
use aftersales_domain::access::Permission;
use aftersales_domain::tickets::TicketKind;
use aftersales_persistence::{DatabaseConnection, workflows};

use super::workflow_out;
use crate::auth::Principal;
use crate::error::ApiError;

pub async fn list(db: &DatabaseConnection, me: &Principal) -> Result<Vec<WorkflowDto>, ApiError> {
    me.require(Permission::ViewTickets)?;
    let mut out = Vec::new();
    for &kind in TicketKind::ALL {
        out.push(workflow_out(&workflows::get(db, kind).await?)?);
    }
    Ok(out)
}
