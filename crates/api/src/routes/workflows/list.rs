use actix_web::{HttpResponse, get, web};
use aftersales_api_types::workflows::WorkflowDto;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::state::AppState;
use crate::use_cases::workflows;

/// The workflow of every ticket kind.
#[utoipa::path(
    get, path = "/api/v1/workflows", tag = "workflows", operation_id = "list_workflows",
    security(("bearer" = [])),
    responses((status = 200, description = "One workflow per ticket kind", body = Vec<WorkflowDto>))
)]
#[get("/api/v1/workflows")]
pub async fn list_workflows(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewTickets>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(workflows::list::list(&state.db, &me).await?))
}
