//! Partners' API keys: kept as a public prefix and a SHA-256 digest, never the key.
pub use aftersales_domain::partners::ApiKey;
use aftersales_domain::partners::ApiScope;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use crate::StoreError;
use crate::entities::api_keys::{ActiveModel, Column, Entity, Model};

pub struct NewApiKey {
    pub id: Uuid,
    pub partner_id: Uuid,
    pub name: String,
    pub prefix: String,
    pub key_hash: String,
    pub scopes: Vec<ApiScope>,
    pub expires_at: Option<DateTime<Utc>>,
    pub created_by: Option<Uuid>,
}

fn to_domain(m: Model) -> Result<ApiKey, StoreError> {
    let names: Vec<String> =
        serde_json::from_str(&m.scopes).map_err(|_| StoreError::Corrupt(format!("api key {} scopes", m.prefix)))?;
    Ok(ApiKey {
        // A scope dropped from the closed set no longer grants anything.
        scopes: names.iter().filter_map(|n| ApiScope::parse(n)).collect(),
        id: m.id,
        partner_id: m.partner_id,
        name: m.name,
        prefix: m.prefix,
        expires_at: m.expires_at,
        revoked_at: m.revoked_at,
        last_used_at: m.last_used_at,
        created_at: m.created_at,
    })
}

pub async fn insert(db: &impl ConnectionTrait, new: NewApiKey, now: DateTime<Utc>) -> Result<ApiKey, StoreError> {
    let names: Vec<&str> = new.scopes.iter().map(|s| s.as_str()).collect();
    let row = ActiveModel {
        id: Set(new.id),
        partner_id: Set(new.partner_id),
        name: Set(new.name),
        prefix: Set(new.prefix),
        key_hash: Set(new.key_hash),
        scopes: Set(serde_json::to_string(&names).unwrap_or_else(|_| "[]".into())),
        expires_at: Set(new.expires_at),
        revoked_at: Set(None),
        last_used_at: Set(None),
        created_by: Set(new.created_by),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    to_domain(row)
}

/// The partner's keys, newest first, revoked ones included (they show when and
/// that they were revoked).
pub async fn of_partner(db: &impl ConnectionTrait, partner_id: Uuid) -> Result<Vec<ApiKey>, StoreError> {
    let rows = Entity::find()
        .filter(Column::PartnerId.eq(partner_id))
        .order_by_desc(Column::CreatedAt)
        .order_by_desc(Column::Id)
        .all(db)
        .await?;
    rows.into_iter().map(to_domain).collect()
}

/// The key with this public prefix and its stored digest.
pub async fn by_prefix(db: &impl ConnectionTrait, prefix: &str) -> Result<Option<(ApiKey, String)>, StoreError> {
    match Entity::find().filter(Column::Prefix.eq(prefix)).one(db).await? {
        Some(m) => {
            let hash = m.key_hash.clone();
            Ok(Some((to_domain(m)?, hash)))
        }
        None => Ok(None),
    }
}

pub async fn find_of_partner(db: &impl ConnectionTrait, partner_id: Uuid, id: Uuid) -> Result<ApiKey, StoreError> {
    Entity::find_by_id(id)
        .filter(Column::PartnerId.eq(partner_id))
        .one(db)
        .await?
        .map(to_domain)
        .transpose()?
        .ok_or(StoreError::NotFound)
}

/// Revokes the key from `now` on; a key revoked earlier keeps its first date.
pub async fn revoke(db: &impl ConnectionTrait, id: Uuid, now: DateTime<Utc>) -> Result<(), StoreError> {
    Entity::update_many()
        .col_expr(Column::RevokedAt, Expr::value(now))
        .filter(Column::Id.eq(id))
        .filter(Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Notes the key's use, unless a use since `stale_before` is noted already:
/// concurrent requests of one key write it once.
pub async fn touch(
    db: &impl ConnectionTrait,
    id: Uuid,
    stale_before: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    Entity::update_many()
        .col_expr(Column::LastUsedAt, Expr::value(now))
        .filter(Column::Id.eq(id))
        .filter(Condition::any().add(Column::LastUsedAt.is_null()).add(Column::LastUsedAt.lt(stale_before)))
        .exec(db)
        .await?;
    Ok(())
}
