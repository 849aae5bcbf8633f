use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::auth::{RefreshRequest, TokenResponse};
use aftersales_domain::refresh_tokens::{RefreshVerdict, judge_refresh};
use aftersales_persistence::refresh_tokens::StoredToken;
use aftersales_persistence::{DatabaseTransaction, begin_write, refresh_tokens, users};
use chrono::Utc;

use crate::audit::{self, Change};
use crate::auth::refresh::{hash_token, issue_pair};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
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
    request_id: RequestId,
    ValidatedJson(body): ValidatedJson<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let now = Utc::now();
    let txn = begin_write(&state.db).await?;
    let stored = refresh_tokens::find_by_hash(&txn, &hash_token(&body.refresh_token))
        .await?
        .ok_or(ApiError::Unauthenticated("the refresh token is not valid"))?;
    match judge_refresh(stored.state, now) {
        RefreshVerdict::Rotate => {}
        RefreshVerdict::Reused => return revoke_on_reuse(txn, &stored, &request_id).await,
        RefreshVerdict::Revoked => {
            return Err(ApiError::Unauthenticated("the refresh token was revoked; sign in again"));
        }
        RefreshVerdict::Expired => {
            return Err(ApiError::Unauthenticated("the refresh token has expired; sign in again"));
        }
    }
    // Two requests racing with one token: only one may spend it; the other is reuse.
    if !refresh_tokens::spend(&txn, stored.id, now).await? {
        return revoke_on_reuse(txn, &stored, &request_id).await;
    }
    let user = users::find(&txn, stored.user_id).await?;
    if !user.active {
        return Err(ApiError::Unauthenticated("the account is disabled"));
    }
    let tokens = issue_pair(&state, &txn, &user, stored.family_id, now).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(tokens))
}

/// A spent token came back: it leaked, or a client raced itself. Revoke the whole
/// family, record the event, and refuse.
async fn revoke_on_reuse(
    txn: DatabaseTransaction,
    stored: &StoredToken,
    request_id: &RequestId,
) -> Result<HttpResponse, ApiError> {
    refresh_tokens::revoke_family(&txn, stored.family_id, Utc::now()).await?;
    let user = users::find(&txn, stored.user_id).await?;
    let change = Change {
        action: "auth.refresh_reused",
        entity: "user",
        entity_id: user.id,
        branch_id: Some(user.branch_id),
        before: None,
        after: None,
    };
    audit::record(&txn, Some(user.id), request_id, change).await?;
    txn.commit().await?;
    tracing::warn!(user_id = %stored.user_id, family = %stored.family_id, "refresh token reused; family revoked");
    Err(ApiError::Unauthenticated("the refresh token was already used; sign in again"))
}
