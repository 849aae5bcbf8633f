//! Refresh tokens, stored only as hashes. The rotation rules are in
//! `aftersales_domain::refresh_tokens`; this module keeps the rows.
use aftersales_domain::refresh_tokens::RefreshTokenState;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::StoreError;
use crate::entities::refresh_tokens::{ActiveModel, Column, Entity};

pub struct StoredToken {
    pub id: Uuid,
    pub user_id: Uuid,
    pub family_id: Uuid,
    pub state: RefreshTokenState,
}

pub struct NewToken<'a> {
    pub user_id: Uuid,
    pub family_id: Uuid,
    pub token_hash: &'a str,
    pub expires_at: DateTime<Utc>,
}

pub async fn insert(db: &impl ConnectionTrait, new: NewToken<'_>, now: DateTime<Utc>) -> Result<(), StoreError> {
    ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(new.user_id),
        family_id: Set(new.family_id),
        token_hash: Set(new.token_hash.to_owned()),
        created_at: Set(now),
        expires_at: Set(new.expires_at),
        spent_at: Set(None),
        revoked_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok(())
}

pub async fn find_by_hash(db: &impl ConnectionTrait, token_hash: &str) -> Result<Option<StoredToken>, StoreError> {
    let row = Entity::find().filter(Column::TokenHash.eq(token_hash)).one(db).await?;
    Ok(row.map(|r| StoredToken {
        id: r.id,
        user_id: r.user_id,
        family_id: r.family_id,
        state: RefreshTokenState {
            spent: r.spent_at.is_some(),
            revoked: r.revoked_at.is_some(),
            expires_at: r.expires_at,
        },
    }))
}

/// Marks the token spent. `false` when another request spent it first: that is reuse.
pub async fn spend(db: &impl ConnectionTrait, id: Uuid, now: DateTime<Utc>) -> Result<bool, StoreError> {
    let result = Entity::update_many()
        .col_expr(Column::SpentAt, Expr::value(now))
        .filter(Column::Id.eq(id))
        .filter(Column::SpentAt.is_null())
        .filter(Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

pub async fn revoke_family(db: &impl ConnectionTrait, family_id: Uuid, now: DateTime<Utc>) -> Result<(), StoreError> {
    Entity::update_many()
        .col_expr(Column::RevokedAt, Expr::value(now))
        .filter(Column::FamilyId.eq(family_id))
        .filter(Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Signs the user out everywhere (deactivation, password change).
pub async fn revoke_all_of_user(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    Entity::update_many()
        .col_expr(Column::RevokedAt, Expr::value(now))
        .filter(Column::UserId.eq(user_id))
        .filter(Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}
