use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::audit::{AuditEntryDto, AuditQuery};
use aftersales_persistence::audit::{self, AuditFilter, AuditRecord};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::pagination;
use crate::state::AppState;

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
    let limit = pagination::limit(query.limit);
    let before_id = pagination::decode_id_cursor(query.cursor.as_deref())?;
    let filter = AuditFilter {
        entity: query.entity,
        entity_id: query.entity_id,
        actor_id: query.actor_id,
        action: query.action,
        from: query.from,
        to: query.to,
        before_id,
        limit,
    };
    let rows = audit::list(&state.db, &me.scope, me.is_at_top(), filter).await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, |r| r.id.to_string(), entry_out)))
}

fn entry_out(r: &AuditRecord) -> AuditEntryDto {
    AuditEntryDto {
        id: r.id,
        at: r.at,
        actor_id: r.actor_id,
        branch_id: r.branch_id,
        action: r.action.clone(),
        entity: r.entity.clone(),
        entity_id: r.entity_id.clone(),
        before: r.before.clone(),
        after: r.after.clone(),
        request_id: r.request_id.clone(),
    }
}
