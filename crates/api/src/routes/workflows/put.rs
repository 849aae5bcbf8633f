use actix_web::http::header;
use actix_web::{HttpResponse, put, web};
use aftersales_api_types::Problem;
use aftersales_api_types::tickets::TicketKind;
use aftersales_api_types::workflows::{WorkflowBody, WorkflowDto};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::{Actor, workflows};

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
    let workflow = workflows::replace::replace(&state.db, &Actor::once(me, request_id), &kind, expected, body).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(workflow.version))).json(workflow))
}
