//! Partners and the technical user each one's keys act as.
use aftersales_domain::organisation::BranchScope;
pub use aftersales_domain::partners::Partner;
use aftersales_domain::partners::PartnerKind;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use crate::branches::branches_in;
use crate::entities::partners::{ActiveModel, Column, Entity, Model};
use crate::entities::users;
use crate::versioned::{Expect, update_if_unchanged};
use crate::{StoreError, fetch_size};

const CODE_TAKEN: &str = "a partner with this code already exists";

pub struct NewPartner {
    pub id: Uuid,
    pub branch_id: Uuid,
    pub code: String,
    pub name: String,
    pub kind: PartnerKind,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub brand_ids: Vec<Uuid>,
}

/// Fields to change; `None` leaves a field as it is (`Some(None)` clears).
#[derive(Default)]
pub struct PartnerChanges {
    pub name: Option<String>,
    pub active: Option<bool>,
    pub contact_name: Option<Option<String>>,
    pub contact_email: Option<Option<String>>,
    pub contact_phone: Option<Option<String>>,
    pub brand_ids: Option<Vec<Uuid>>,
}

fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(format!("partner {what}"))
}

fn to_domain(m: Model) -> Result<Partner, StoreError> {
    Ok(Partner {
        kind: PartnerKind::parse(&m.kind).ok_or_else(|| corrupt("kind"))?,
        brand_ids: serde_json::from_str(&m.brand_ids).map_err(|_| corrupt("brands"))?,
        id: m.id,
        branch_id: m.branch_id,
        user_id: m.user_id,
        code: m.code,
        name: m.name,
        active: m.active,
        contact_name: m.contact_name,
        contact_email: m.contact_email,
        contact_phone: m.contact_phone,
        created_at: m.created_at,
        updated_at: m.updated_at,
        version: m.version,
    })
}

fn json_ids(ids: &[Uuid]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())
}

/// Stores the partner and its technical user: no roles, no usable password
/// (`!` is no password hash, so no sign-in can match it) and disabled, so the
/// user exists only to be named as the actor of what the partner's keys do.
pub async fn insert(db: &impl ConnectionTrait, new: NewPartner, now: DateTime<Utc>) -> Result<Partner, StoreError> {
    let user_id = Uuid::now_v7();
    users::ActiveModel {
        id: Set(user_id),
        branch_id: Set(new.branch_id),
        username: Set(format!("partner:{}", new.code.to_lowercase())),
        display_name: Set(new.name.clone()),
        email: Set(None),
        phone: Set(None),
        password_hash: Set("!".into()),
        roles: Set("[]".into()),
        locale: Set("en".into()),
        active: Set(false),
        partner_id: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
    .insert(db)
    .await
    .map_err(|e| StoreError::from(e).explain_conflict(CODE_TAKEN))?;
    let row = ActiveModel {
        id: Set(new.id),
        branch_id: Set(new.branch_id),
        user_id: Set(user_id),
        code: Set(new.code),
        name: Set(new.name),
        kind: Set(new.kind.as_str().into()),
        active: Set(true),
        contact_name: Set(new.contact_name),
        contact_email: Set(new.contact_email),
        contact_phone: Set(new.contact_phone),
        brand_ids: Set(json_ids(&new.brand_ids)),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
    .insert(db)
    .await
    .map_err(|e| StoreError::from_write(e, CODE_TAKEN, "no such branch"))?;
    to_domain(row)
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Partner, StoreError> {
    Entity::find_by_id(id).one(db).await?.map(to_domain).transpose()?.ok_or(StoreError::NotFound)
}

/// A partner of a branch within the scope; `NotFound` otherwise.
pub async fn find_in_scope(db: &impl ConnectionTrait, scope: &BranchScope, id: Uuid) -> Result<Partner, StoreError> {
    Entity::find_by_id(id)
        .filter(Column::BranchId.in_subquery(branches_in(scope)))
        .one(db)
        .await?
        .map(to_domain)
        .transpose()?
        .ok_or(StoreError::NotFound)
}

/// Partners of branches within the scope, by code; keyset after `after_code`.
pub async fn list(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    kind: Option<PartnerKind>,
    after_code: Option<String>,
    limit: u32,
) -> Result<Vec<Partner>, StoreError> {
    let mut query = Entity::find().filter(Column::BranchId.in_subquery(branches_in(scope)));
    if let Some(kind) = kind {
        query = query.filter(Column::Kind.eq(kind.as_str()));
    }
    if let Some(code) = after_code {
        query = query.filter(Column::Code.gt(code));
    }
    let rows = query.order_by_asc(Column::Code).limit(fetch_size(limit)).all(db).await?;
    rows.into_iter().map(to_domain).collect()
}

/// Applies `changes` if the partner is still at `expected_version` (when given).
pub async fn update(
    db: &impl ConnectionTrait,
    current: &Partner,
    expected_version: Option<i64>,
    changes: PartnerChanges,
    now: DateTime<Utc>,
) -> Result<Partner, StoreError> {
    let mut row = ActiveModel { id: Set(current.id), ..Default::default() };
    if let Some(name) = changes.name {
        row.name = Set(name);
    }
    if let Some(active) = changes.active {
        row.active = Set(active);
    }
    if let Some(v) = changes.contact_name {
        row.contact_name = Set(v);
    }
    if let Some(v) = changes.contact_email {
        row.contact_email = Set(v);
    }
    if let Some(v) = changes.contact_phone {
        row.contact_phone = Set(v);
    }
    if let Some(ids) = changes.brand_ids {
        row.brand_ids = Set(json_ids(&ids));
    }
    row.updated_at = Set(now);
    row.version = Set(current.version + 1);
    let expect = Expect {
        id: (Column::Id, current.id),
        version: (Column::Version, current.version),
        client_version: expected_version,
    };
    update_if_unchanged(db, row, expect).await?;
    find(db, current.id).await
}
