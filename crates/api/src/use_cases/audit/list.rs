//! The audit log of the caller's part of the network, newest first. Head-office
//! users also see the changes that belong to no branch (settings, catalogues).
use aftersales_api_types::Page;
use aftersales_api_types::audit::{AuditEntryDto, AuditQuery};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::audit::{self, AuditFilter, AuditRecord};

use crate::auth::Principal;
use crate::error::ApiError;
use crate::pagination;

pub async fn list(db: &DatabaseConnection, me: &Principal, query: AuditQuery) -> Result<Page<AuditEntryDto>, ApiError> {
    me.require(Permission::ReadAudit)?;
    let limit = pagination::limit(query.limit);
    let filter = AuditFilter {
        entity: query.entity,
        entity_id: query.entity_id,
        actor_id: query.actor_id,
        action: query.action,
        from: query.from,
        to: query.to,
        before_id: pagination::decode_id_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = audit::list(db, &me.scope, me.is_at_top(), filter).await?;
    Ok(pagination::page(rows, limit, |r| r.id.to_string(), entry_out))
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
