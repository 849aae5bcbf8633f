//! Workflows (how tickets move, per kind) and the ticket desk's settings. One
//! file per use case; the conversions they share are here.
pub mod change_ticket_settings;
pub mod get;
pub mod list;
pub mod replace;
pub mod ticket_settings;

use aftersales_api_types::tickets::{TicketKind as WireKind, TicketSettings};
use aftersales_api_types::workflows::{StageDto, TransitionDto, WorkflowBody, WorkflowDto};
use aftersales_domain::tickets::TicketKind;
use aftersales_domain::tickets::workflow::{Stage, Transition, Workflow};
use aftersales_persistence::settings::TicketSettings as StoredSettings;
use aftersales_persistence::workflows::StoredWorkflow;

use crate::dto::{role_in, role_out};
use crate::error::ApiError;
use crate::use_cases::tickets::convert::{ToDomain, ToWire};

fn kind_in(kind: &WireKind) -> Result<TicketKind, ApiError> {
    Ok(kind.to_domain())
}

fn workflow_out(w: &StoredWorkflow) -> Result<WorkflowDto, ApiError> {
    Ok(WorkflowDto {
        kind: w.kind.to_wire(),
        stages: w
            .workflow
            .stages
            .iter()
            .map(|s| Ok(StageDto { code: s.code.clone(), category: s.category.to_wire(), names: s.names.clone() }))
            .collect::<Result<_, ApiError>>()?,
        transitions: w
            .workflow
            .transitions
            .iter()
            .map(|t| {
                Ok(TransitionDto {
                    from: t.from.clone(),
                    to: t.to.clone(),
                    roles: t.roles.iter().copied().map(role_out).collect(),
                    guards: t.guards.iter().map(|g| g.to_wire()).collect(),
                })
            })
            .collect::<Result<_, ApiError>>()?,
        version: w.version,
        updated_at: w.updated_at,
    })
}

fn workflow_in(body: WorkflowBody) -> Result<Workflow, ApiError> {
    Ok(Workflow {
        stages: body
            .stages
            .into_iter()
            .map(|s| {
                Ok(Stage {
                    code: s.code.trim().to_owned(),
                    category: s.category.to_domain(),
                    names: s.names.into_iter().map(|(l, n)| (l, n.trim().to_owned())).collect(),
                })
            })
            .collect::<Result<_, ApiError>>()?,
        transitions: body
            .transitions
            .into_iter()
            .map(|t| {
                Ok(Transition {
                    from: t.from.trim().to_owned(),
                    to: t.to.trim().to_owned(),
                    roles: t.roles.into_iter().map(role_in).collect(),
                    guards: t.guards.iter().map(|g| g.to_domain()).collect(),
                })
            })
            .collect::<Result<_, ApiError>>()?,
    })
}

fn settings_out(s: StoredSettings) -> TicketSettings {
    TicketSettings {
        repeat_repair_days: s.repeat_repair_days,
        technician_daily_jobs: s.technician_daily_jobs,
        callback_due_hours: s.callback_due_hours,
        defective_return_days: s.defective_return_days,
    }
}
