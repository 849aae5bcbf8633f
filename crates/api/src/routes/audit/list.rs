use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::audit::{AuditEntryDto, AuditQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::audit;

/// Read the audit log of your part of the network, newest first.
#[utoipa::path(
    get, path = "/api/v1/audit", tag = "audit", operation_id = "list_audit_entries",
    security(("bearer" = [])),
    params(AuditQuery),
    responses((status = 200, description = "One page of audit entries", body = Page<AuditEntryDto>)),
)]
#[get("/api/v1/audit")]
pub async fn list_audit(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ReadAudit>,
    ValidatedQuery(query): ValidatedQuery<AuditQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(audit::list::list(&state.db, &me, query).await?))
}
