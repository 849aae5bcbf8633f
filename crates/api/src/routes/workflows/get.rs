use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::tickets::TicketKind;
use aftersales_api_types::workflows::WorkflowDto;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::etag;
use crate::state::AppState;
use crate::use_cases::workflows;

/// The workflow of one ticket kind: stages in order (tickets start in the first)
/// and the guarded steps between them. Version 0 is the shipped default.
#[utoipa::path(
    get, path = "/api/v1/workflows/{kind}", tag = "workflows", operation_id = "get_workflow",
    security(("bearer" = [])),
    params(("kind" = TicketKind, Path, description = "Ticket kind")),
    responses(
        (status = 200, description = "The workflow", body = WorkflowDto, headers(("ETag" = String, description = "Version, for If-Match"))),
        (status = 404, description = "No such ticket kind", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/workflows/{kind}")]
pub async fn get_workflow(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewTickets>,
    kind: web::Path<TicketKind>,
) -> Result<HttpResponse, ApiError> {
    let workflow = workflows::get::get(&state.db, &me, &kind).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(workflow.version))).json(workflow))
}
