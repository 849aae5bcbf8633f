use actix_web::http::header;
use actix_web::{HttpResponse, put, web};
use aftersales_api_types::tickets::TicketKind;
use aftersales_api_types::workflows::{WorkflowBody, WorkflowDto};
use aftersales_api_types::{FieldError, Problem};
use aftersales_domain::tickets::workflow::validate;
use aftersales_persistence::tickets;
use aftersales_persistence::{begin_write, workflows};
use chrono::Utc;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::workflows::{kind_in, workflow_in, workflow_out};

/// Replace the workflow of a ticket kind (admins).
///
/// Checked as a whole: unique stage codes, an `open` first stage, a `closed` stage,
/// steps between known stages and none out of a closed stage, every stage reachable
/// and able to reach a close (422 naming each problem). A stage that tickets are in
/// cannot be removed (409). Send `If-Match` with the version you read (0 for the default).
#[utoipa::path(
    put, path = "/api/v1/workflows/{kind}", tag = "workflows", operation_id = "put_workflow",
    security(("bearer" = [])),
    params(("kind" = TicketKind, Path, description = "Ticket kind"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read")),
    request_body = WorkflowBody,
    responses(
        (status = 200, description = "Stored", body = WorkflowDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such ticket kind", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Tickets are in a stage the new workflow removes", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The workflow changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/api/v1/workflows/{kind}")]
pub async fn put_workflow(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ConfigureTickets>,
    request_id: RequestId,
    kind: web::Path<TicketKind>,
    IfMatch(expected): IfMatch,
    ValidatedJson(body): ValidatedJson<WorkflowBody>,
) -> Result<HttpResponse, ApiError> {
    let kind = kind_in(&kind)?;
    let workflow = workflow_in(body)?;
    let problems = validate(&workflow);
    if !problems.is_empty() {
        return Err(ApiError::Validation(
            problems.into_iter().map(|p| FieldError::new(p.path, "invalid_workflow", p.message)).collect(),
        ));
    }
    let txn = begin_write(&state.db).await?;
    let current = workflows::get(&txn, kind).await?;
    if expected.is_some_and(|v| v != current.version) {
        return Err(ApiError::PreconditionFailed);
    }
    for removed in current.workflow.stages.iter().filter(|s| workflow.stage(&s.code).is_none()) {
        // Workflows are company-wide: a ticket anywhere holds its stage, not only those the admin sees.
        if tickets::any_in_stage(&txn, kind, &removed.code).await? {
            return Err(ApiError::Conflict(format!(
                "tickets are in stage '{}'; move them before removing it",
                removed.code
            )));
        }
    }
    let stored = workflows::put(&txn, kind, &workflow, current.version, me.user_id, Utc::now()).await?;
    let out = workflow_out(&stored)?;
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "workflow.update",
            entity: "workflow",
            entity_id: uuid::Uuid::nil(),
            branch_id: None,
            before: snapshot(&workflow_out(&current)?),
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(stored.version))).json(out))
}
