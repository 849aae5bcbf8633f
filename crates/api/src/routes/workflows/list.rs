use actix_web::{HttpResponse, get, web};
use aftersales_api_types::workflows::WorkflowDto;
use aftersales_domain::tickets::TicketKind;
use aftersales_persistence::workflows;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::state::AppState;
use crate::use_cases::workflows::workflow_out;

/// The workflow of every ticket kind.
#[utoipa::path(
    get, path = "/api/v1/workflows", tag = "workflows", operation_id = "list_workflows",
    security(("bearer" = [])),
    responses((status = 200, description = "One workflow per ticket kind", body = Vec<WorkflowDto>))
)]
#[get("/api/v1/workflows")]
pub async fn list_workflows(
    state: web::Data<AppState>,
    _: Authorized<need::ViewTickets>,
) -> Result<HttpResponse, ApiError> {
    let mut out = Vec::new();
    for &kind in TicketKind::ALL {
        out.push(workflow_out(&workflows::get(&state.db, kind).await?)?);
    }
    Ok(HttpResponse::Ok().json(out))
}
