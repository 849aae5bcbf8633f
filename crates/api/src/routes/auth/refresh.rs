use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::auth::{RefreshRequest, TokenResponse};
use aftersales_domain::refresh_tokens::{RefreshVerdict, judge_refresh};
use aftersales_persistence::{begin_write, refresh_tokens, users};
use chrono::Utc;

use crate::auth::refresh::{hash_token, issue_pair};
use crate::error::ApiError;
use crate::extract::ValidatedJson;
use crate::state::AppState;

/// Trade a refresh token for a new pair.
///
/// The presented token is spent. Presenting a spent token again is treated as
/// theft: every token of its family is revoked and the user must sign in again.
#[utoipa::path(
    post, path = "/api/v1/auth/refresh", tag = "auth", operation_id = "refresh_tokens",
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "A new token pair", body = TokenResponse),
        (status = 401, description = "Unknown, expired, revoked or reused refresh token", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/auth/refresh")]
pub async fn refresh(
    state: web::Data<AppState>,
    ValidatedJson(body): ValidatedJson<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let now = Utc::now();
    let txn = begin_write(&state.db).await?;
    let stored = refresh_tokens::find_by_hash(&txn, &hash_token(&body.refresh_token))
        .await?
        .ok_or(ApiError::Unauthenticated("the refresh token is not valid"))?;
    match judge_refresh(stored.state, now) {
        RefreshVerdict::Rotate => {}
        RefreshVerdict::Reused => {
            refresh_tokens::revoke_family(&txn, stored.family_id, now).await?;
            txn.commit().await?;
            tracing::warn!(user_id = %stored.user_id, family = %stored.family_id, "refresh token reused; family revoked");
            return Err(ApiError::Unauthenticated("the refresh token was already used; sign in again"));
        }
        RefreshVerdict::Revoked => {
            return Err(ApiError::Unauthenticated("the refresh token was revoked; sign in again"));
        }
        RefreshVerdict::Expired => {
            return Err(ApiError::Unauthenticated("the refresh token has expired; sign in again"));
        }
    }
    // Two requests racing with one token: only one may spend it; the other is reuse.
    if !refresh_tokens::spend(&txn, stored.id, now).await? {
        refresh_tokens::revoke_family(&txn, stored.family_id, now).await?;
        txn.commit().await?;
        return Err(ApiError::Unauthenticated("the refresh token was already used; sign in again"));
    }
    let user = users::find(&txn, stored.user_id).await?;
    if !user.active {
        return Err(ApiError::Unauthenticated("the account is disabled"));
    }
    let tokens = issue_pair(&state, &txn, &user, stored.family_id, now).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(tokens))
}
