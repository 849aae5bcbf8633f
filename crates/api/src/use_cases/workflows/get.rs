//! The workflow of one ticket kind. Version 0 is the shipped default.
use aftersales_api_types::tickets::TicketKind;
use aftersales_api_types::workflows::WorkflowDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, workflows};

use super::{kind_in, workflow_out};
use crate::auth::Principal;
use crate::error::ApiError;

pub async fn get(db: &DatabaseConnection, me: &Principal, kind: &TicketKind) -> Result<WorkflowDto, ApiError> {
    me.require(Permission::ViewTickets)?;
    workflow_out(&workflows::get(db, kind_in(kind)?).await?)
}
