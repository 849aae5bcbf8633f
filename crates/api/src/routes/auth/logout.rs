use actix_web::{HttpResponse, post, web};
use aftersales_api_types::auth::RefreshRequest;
use aftersales_persistence::{begin_write, refresh_tokens, users};
use chrono::Utc;

use crate::audit::{self, Change};
use crate::auth::refresh::hash_token;
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::state::AppState;

/// Sign out: revoke the refresh token and every token of its family.
///
/// Answers 204 whether or not the token was known, so it reveals nothing.
/// Access tokens already issued stay valid until they expire (minutes).
#[utoipa::path(
    post, path = "/api/v1/auth/logout", tag = "auth", operation_id = "logout",
    request_body = RefreshRequest,
    responses((status = 204, description = "Signed out")),
)]
#[post("/api/v1/auth/logout")]
pub async fn logout(
    state: web::Data<AppState>,
    request_id: RequestId,
    ValidatedJson(body): ValidatedJson<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let now = Utc::now();
    let txn = begin_write(&state.db).await?;
    if let Some(stored) = refresh_tokens::find_by_hash(&txn, &hash_token(&body.refresh_token)).await? {
        refresh_tokens::revoke_family(&txn, stored.family_id, now).await?;
        let user = users::find(&txn, stored.user_id).await?;
        let change = Change {
            action: "auth.logout",
            entity: "user",
            entity_id: user.id,
            branch_id: Some(user.branch_id),
            before: None,
            after: None,
        };
        audit::record(&txn, Some(user.id), &request_id, change).await?;
    }
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
