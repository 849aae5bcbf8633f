//! Issuing token pairs: a JWT access token and an opaque refresh token that is
//! stored only as its SHA-256 hash.
use aftersales_api_types::auth::TokenResponse;
use aftersales_domain::organisation::User;
use aftersales_persistence::{ConnectionTrait, refresh_tokens};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Duration, Utc};
use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::dto;
use crate::error::ApiError;
use crate::state::AppState;

/// 256 random bits, URL-safe.
pub fn new_refresh_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    format!("rt_{}", URL_SAFE_NO_PAD.encode(bytes))
}

pub fn hash_token(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Issues an access token and the next refresh token of `family_id`.
pub async fn issue_pair(
    state: &AppState,
    db: &impl ConnectionTrait,
    user: &User,
    family_id: Uuid,
    now: DateTime<Utc>,
) -> Result<TokenResponse, ApiError> {
    let refresh_token = new_refresh_token();
    let ttl_days = i64::try_from(state.config.refresh_token_ttl_days).unwrap_or(30);
    refresh_tokens::insert(
        db,
        refresh_tokens::NewToken {
            user_id: user.id,
            family_id,
            token_hash: &hash_token(&refresh_token),
            expires_at: now + Duration::days(ttl_days),
        },
        now,
    )
    .await?;
    Ok(TokenResponse {
        access_token: state.tokens.issue(user, now)?,
        token_type: "Bearer".into(),
        expires_in: state.tokens.ttl_secs,
        refresh_token,
        user: dto::user_out(user),
    })
}
