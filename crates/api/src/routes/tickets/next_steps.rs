use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::tickets::{GuardState, NextStep};
use aftersales_domain::access::Role;
use aftersales_domain::tickets::workflow::Guard;
use aftersales_persistence::tickets::facts;
use aftersales_persistence::workflows;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::state::AppState;
use crate::use_cases::access::ticket_in_scope;
use crate::use_cases::tickets::wire_enum;

/// Where the ticket can go from its stage, and what each step still lacks.
///
/// `note_given` is shown as not holding: it is satisfied by the note sent with the step.
#[utoipa::path(
    get, path = "/api/v1/tickets/{id}/transitions", tag = "tickets", operation_id = "ticket_next_steps",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id")),
    responses(
        (status = 200, description = "The steps out of the current stage", body = Vec<NextStep>),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/tickets/{id}/transitions")]
pub async fn ticket_next_steps(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewTickets>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let ticket = ticket_in_scope(&state.db, &me, *id).await?;
    let workflow = workflows::get(&state.db, ticket.kind).await?.workflow;
    let known = facts::of_ticket(&state.db, &ticket).await?;
    let mut steps = Vec::new();
    if !ticket.is_sealed() {
        for (t, failing) in workflow.next_steps(&ticket.stage, &known) {
            let Some(stage) = workflow.stage(&t.to) else { continue };
            let role_ok =
                me.roles.contains(&Role::Admin) || t.roles.is_empty() || t.roles.iter().any(|r| me.roles.contains(r));
            let holds = |g: &Guard| !failing.contains(g);
            steps.push(NextStep {
                to: t.to.clone(),
                to_category: wire_enum(stage.category.as_str())?,
                roles: t.roles.iter().map(|r| r.as_str().to_owned()).collect(),
                guards: t
                    .guards
                    .iter()
                    .map(|g| GuardState { guard: g.as_str().into(), holds: holds(g), explanation: g.explain().into() })
                    .collect(),
                allowed: role_ok && failing.iter().all(|g| *g == Guard::NoteGiven),
            });
        }
    }
    Ok(HttpResponse::Ok().json(steps))
}
