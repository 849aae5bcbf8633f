//! Where a ticket can go from its stage, and what each step still lacks.
use aftersales_api_types::tickets::{GuardState, NextStep};
use aftersales_domain::tickets::workflow::Guard;
use aftersales_persistence::{DatabaseConnection, workflows};
use uuid::Uuid;

use super::convert::ToWire;
use super::facts;
use crate::auth::Principal;
use crate::error::ApiError;
use crate::use_cases::access::ticket_in_scope;

/// `note_given` is shown as not holding: the note comes with the step itself.
pub async fn next_steps(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<Vec<NextStep>, ApiError> {
    let ticket = ticket_in_scope(db, me, id).await?;
    if ticket.is_sealed() {
        return Ok(Vec::new());
    }
    let workflow = workflows::get(db, ticket.kind).await?.workflow;
    let known = facts::of_ticket(db, &ticket).await?;
    let mut steps = Vec::new();
    for step in workflow.next_steps(&ticket.stage, &me.roles, &known) {
        let t = step.transition;
        let Some(stage) = workflow.stage(&t.to) else { continue };
        let holds = |g: &Guard| !step.failing.contains(g);
        steps.push(NextStep {
            to: t.to.clone(),
            to_category: stage.category.to_wire(),
            roles: t.roles.iter().map(|r| r.as_str().to_owned()).collect(),
            guards: t
                .guards
                .iter()
                .map(|g| GuardState { guard: g.as_str().into(), holds: holds(g), explanation: g.explain().into() })
                .collect(),
            allowed: step.allowed,
        });
    }
    Ok(steps)
}
