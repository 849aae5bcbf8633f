//! Trade a refresh token for a new pair.
use aftersales_api_types::auth::{RefreshRequest, TokenResponse};
use aftersales_domain::refresh_tokens::{RefreshVerdict, judge_refresh};
use aftersales_persistence::refresh_tokens::StoredToken;
use aftersales_persistence::{DatabaseConnection, refresh_tokens, users};

use super::{Sessions, holder};
use crate::audit::Change;
use crate::auth::refresh::hash_token;
use crate::error::ApiError;
use crate::extract::RequestId;
use crate::use_cases::{Actor, Work};

const NOT_VALID: ApiError = ApiError::Unauthenticated("the refresh token is not valid");

/// The presented token is spent. Presenting a spent token again is taken as
/// theft: every token of its family is revoked and the user must sign in again.
pub async fn refresh(
    db: &DatabaseConnection,
    sessions: &Sessions<'_>,
    request_id: RequestId,
    body: RefreshRequest,
) -> Result<TokenResponse, ApiError> {
    let token_hash = hash_token(&body.refresh_token);
    let presented = refresh_tokens::find_by_hash(db, &token_hash).await?.ok_or(NOT_VALID)?;
    let actor = Actor::once(holder(db, presented.user_id).await?, request_id);
    let work = Work::begin(db, &actor).await?;
    // Judged as it is inside the write: a racing request may have spent or revoked it since.
    let stored = refresh_tokens::find_by_hash(work.db(), &token_hash).await?.ok_or(NOT_VALID)?;
    match judge_refresh(stored.state, work.now()) {
        RefreshVerdict::Rotate => {}
        RefreshVerdict::Reused => return revoke_on_reuse(work, &stored).await,
        RefreshVerdict::Revoked => {
            return Err(ApiError::Unauthenticated("the refresh token was revoked; sign in again"));
        }
        RefreshVerdict::Expired => {
            return Err(ApiError::Unauthenticated("the refresh token has expired; sign in again"));
        }
    }
    // Two requests racing with one token: only one may spend it; the other is reuse.
    if !refresh_tokens::spend(work.db(), stored.id, work.now()).await? {
        return revoke_on_reuse(work, &stored).await;
    }
    let user = users::find(work.db(), stored.user_id).await?;
    if !user.active {
        return Err(ApiError::Unauthenticated("the account is disabled"));
    }
    let tokens = sessions.issue_pair(work.db(), &user, stored.family_id, work.now()).await?;
    work.commit().await?;
    Ok(tokens)
}

/// A spent token came back: it leaked, or a client raced itself. Revokes the whole
/// family, records the event, and refuses.
async fn revoke_on_reuse(work: Work, stored: &StoredToken) -> Result<TokenResponse, ApiError> {
    refresh_tokens::revoke_family(work.db(), stored.family_id, work.now()).await?;
    let user = users::find(work.db(), stored.user_id).await?;
    work.audit(Change {
        action: "auth.refresh_reused",
        entity: "user",
        entity_id: user.id.uuid(),
        branch_id: Some(user.branch_id.uuid()),
        before: None,
        after: None,
    })
    .await?;
    work.commit().await?;
    tracing::warn!(user_id = %stored.user_id, family = %stored.family_id, "refresh token reused; family revoked");
    Err(ApiError::Unauthenticated("the refresh token was already used; sign in again"))
}
