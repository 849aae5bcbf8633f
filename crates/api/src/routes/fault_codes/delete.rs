use actix_web::{HttpResponse, delete, web};
use aftersales_api_types::Problem;
use aftersales_persistence::begin_write;
use aftersales_persistence::tickets::fault_codes;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::{ApiError, NotFoundAs};
use crate::extract::RequestId;
use crate::state::AppState;
use crate::use_cases::fault_codes::ENTITY;
use crate::use_cases::tickets::work::fault_code_out;

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
    let txn = begin_write(&state.db).await?;
    let code = fault_codes::find(&txn, *id).await.or_not_found("fault code")?;
    let used = fault_codes::tickets_using(&txn, &code).await?;
    if used > 0 {
        return Err(ApiError::Conflict(format!(
            "{used} ticket(s) carry the {} code {}; retire it with active: false instead",
            code.kind, code.code
        )));
    }
    fault_codes::delete(&txn, code.id).await?;
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "fault_code.delete",
            entity: ENTITY,
            entity_id: code.id,
            branch_id: None,
            before: snapshot(&fault_code_out(&code)?),
            after: None,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
