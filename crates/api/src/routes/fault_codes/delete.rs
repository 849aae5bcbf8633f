use actix_web::{HttpResponse, delete, web};
use aftersales_api_types::Problem;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::RequestId;
use crate::state::AppState;
use crate::use_cases::{Actor, fault_codes};

/// Delete a code no ticket carries; a code in use answers 409: retire it with
/// `active: false` instead.
#[utoipa::path(
    delete, path = "/api/v1/fault-codes/{id}", tag = "service-catalogue", operation_id = "delete_fault_code",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Code id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such code", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Tickets carry the code", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/api/v1/fault-codes/{id}")]
pub async fn delete_fault_code(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ConfigureTickets>,
    request_id: RequestId,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    fault_codes::delete::delete(&state.db, &Actor::once(me, request_id), *id).await?;
    Ok(HttpResponse::NoContent().finish())
}
