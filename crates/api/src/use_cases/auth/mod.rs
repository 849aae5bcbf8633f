//! Sessions: signing in, trading a refresh token for a new pair, signing out.
//! What these need besides the database (token keys, the password hasher, the
//! sign-in guard) is process state, handed in by the entry point.
pub mod login;
pub mod logout;
pub mod me;
pub mod refresh;

use aftersales_api_types::auth::TokenResponse;
use aftersales_domain::organisation::User;
use aftersales_persistence::{ConnectionTrait, DatabaseConnection, refresh_tokens, users};
use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use crate::auth::Principal;
use crate::auth::jwt::AccessTokens;
use crate::auth::refresh::{hash_token, new_refresh_token};
use crate::dto;
use crate::error::ApiError;

/// How token pairs are made: the access-token keys and how long a refresh token lives.
pub struct Sessions<'a> {
    pub tokens: &'a AccessTokens,
    pub refresh_ttl_days: u64,
}

impl Sessions<'_> {
    /// Issues an access token and the next refresh token of `family_id`; the
    /// refresh token is stored only as its hash.
    async fn issue_pair(
        &self,
        db: &impl ConnectionTrait,
        user: &User,
        family_id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<TokenResponse, ApiError> {
        let refresh_token = new_refresh_token();
        let ttl_days = i64::try_from(self.refresh_ttl_days).unwrap_or(30);
        let new = refresh_tokens::NewToken {
            user_id: user.id.uuid(),
            family_id,
            token_hash: &hash_token(&refresh_token),
            expires_at: now + Duration::days(ttl_days),
        };
        refresh_tokens::insert(db, new, now).await?;
        Ok(TokenResponse {
            access_token: self.tokens.issue(user, now)?,
            token_type: "Bearer".into(),
            expires_in: self.tokens.ttl_secs,
            refresh_token,
            user: dto::user_out(user),
        })
    }
}

/// The user a credential belongs to, as the actor of what is done with it: even
/// a disabled one, whose leaked token must still be revoked and recorded.
async fn holder(db: &DatabaseConnection, user_id: Uuid) -> Result<Principal, ApiError> {
    let access = users::access(db, user_id).await?.ok_or(ApiError::Unauthenticated("the account no longer exists"))?;
    Ok(Principal { user_id, roles: access.roles, scope: access.scope, partner: None })
}
