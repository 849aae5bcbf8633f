//! Replace the workflow of a ticket kind.
use aftersales_api_types::FieldError;
use aftersales_api_types::tickets::TicketKind;
use aftersales_api_types::workflows::{WorkflowBody, WorkflowDto};
use aftersales_domain::access::Permission;
use aftersales_domain::tickets::workflow::validate;
use aftersales_persistence::{DatabaseConnection, tickets, workflows};
use uuid::Uuid;

use super::{kind_in, workflow_in, workflow_out};
use crate::audit::{Change, snapshot};
use crate::error::ApiError;
use crate::use_cases::{Actor, Work};

/// Checked as a whole by the domain's rules (422 naming each problem); a stage
/// that tickets are in cannot be removed (409); 412 when the workflow is no
/// longer at `expected` version (0 for the shipped default).
pub async fn replace(
    db: &DatabaseConnection,
    actor: &Actor,
    kind: &TicketKind,
    expected: Option<i64>,
    body: WorkflowBody,
) -> Result<WorkflowDto, ApiError> {
    actor.me.require(Permission::ConfigureTickets)?;
    let kind = kind_in(kind)?;
    let workflow = workflow_in(body)?;
    let problems = validate(&workflow);
    if !problems.is_empty() {
        return Err(ApiError::Validation(
            problems.into_iter().map(|p| FieldError::new(p.path, "invalid_workflow", p.message)).collect(),
        ));
    }
    let work = Work::begin(db, actor).await?;
    let current = workflows::get(work.db(), kind).await?;
    if expected.is_some_and(|v| v != current.version) {
        return Err(ApiError::PreconditionFailed);
    }
    for removed in current.workflow.stages.iter().filter(|s| workflow.stage(&s.code).is_none()) {
        // Workflows are company-wide: a ticket anywhere holds its stage, not only those the admin sees.
        if tickets::any_in_stage(work.db(), kind, &removed.code).await? {
            return Err(ApiError::Conflict(format!(
                "tickets are in stage '{}'; move them before removing it",
                removed.code
            )));
        }
    }
    let stored = workflows::put(work.db(), kind, &workflow, current.version, work.actor_id(), work.now()).await?;
    let out = workflow_out(&stored)?;
    work.audit(Change {
        action: "workflow.update",
        entity: "workflow",
        entity_id: Uuid::nil(),
        branch_id: None,
        before: snapshot(&workflow_out(&current)?),
        after: snapshot(&out),
    })
    .await?;
    work.commit().await?;
    Ok(out)
}
