//! The append-only audit log. Rows are written in the same transaction as the
//! change they describe, so a change that rolls back leaves no audit row behind.
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use aftersales_domain::organisation::BranchScope;

use crate::entities::audit_log::{ActiveModel, Column, Entity, Model};
use crate::entities::branches;
use crate::{StoreError, fetch_size};

#[derive(Debug, Clone, PartialEq)]
pub struct AuditRecord {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub actor_id: Option<Uuid>,
    pub branch_id: Option<Uuid>,
    /// `entity.verb`, e.g. `user.create`.
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub request_id: Option<String>,
}

#[derive(Default)]
pub struct AuditFilter {
    pub entity: Option<String>,
    pub entity_id: Option<String>,
    pub actor_id: Option<Uuid>,
    pub action: Option<String>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    /// Keyset cursor: rows older than this id (ids are UUIDv7, ordered by time).
    pub before_id: Option<Uuid>,
    pub limit: u32,
}

pub async fn record(db: &impl ConnectionTrait, entry: AuditRecord) -> Result<(), StoreError> {
    ActiveModel {
        id: Set(entry.id),
        at: Set(entry.at),
        actor_id: Set(entry.actor_id),
        branch_id: Set(entry.branch_id),
        action: Set(entry.action),
        entity: Set(entry.entity),
        entity_id: Set(entry.entity_id),
        before: Set(entry.before.map(|v| v.to_string())),
        after: Set(entry.after.map(|v| v.to_string())),
        request_id: Set(entry.request_id),
    }
    .insert(db)
    .await?;
    Ok(())
}

fn to_record(m: Model) -> AuditRecord {
    let parse = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
    AuditRecord {
        id: m.id,
        at: m.at,
        actor_id: m.actor_id,
        branch_id: m.branch_id,
        action: m.action,
        entity: m.entity,
        entity_id: m.entity_id,
        before: parse(m.before),
        after: parse(m.after),
        request_id: m.request_id,
    }
}

/// Newest first. Rows of branches outside the scope are left out; rows with no
/// branch (system changes) are shown only to a scope at the top of the tree.
pub async fn list(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    scope_is_root: bool,
    filter: AuditFilter,
) -> Result<Vec<AuditRecord>, StoreError> {
    let in_scope = Query::select()
        .column(branches::Column::Id)
        .from(branches::Entity)
        .and_where(Expr::col(branches::Column::Path).like(format!("{}%", scope.path)))
        .to_owned();
    let mut visible = Condition::any().add(Column::BranchId.in_subquery(in_scope));
    if scope_is_root {
        visible = visible.add(Column::BranchId.is_null());
    }
    let mut query = Entity::find().filter(visible);
    if let Some(v) = filter.entity {
        query = query.filter(Column::Entity.eq(v));
    }
    if let Some(v) = filter.entity_id {
        query = query.filter(Column::EntityId.eq(v));
    }
    if let Some(v) = filter.actor_id {
        query = query.filter(Column::ActorId.eq(v));
    }
    if let Some(v) = filter.action {
        query = query.filter(Column::Action.eq(v));
    }
    if let Some(v) = filter.from {
        query = query.filter(Column::At.gte(v));
    }
    if let Some(v) = filter.to {
        query = query.filter(Column::At.lt(v));
    }
    if let Some(v) = filter.before_id {
        query = query.filter(Column::Id.lt(v));
    }
    let rows = query.order_by_desc(Column::Id).limit(fetch_size(filter.limit)).all(db).await?;
    Ok(rows.into_iter().map(to_record).collect())
}
