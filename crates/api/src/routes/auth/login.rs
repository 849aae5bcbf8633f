use actix_web::{HttpRequest, HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::auth::{LoginRequest, TokenResponse};
use aftersales_persistence::{begin_write, users};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change};
use crate::auth::refresh::issue_pair;
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::state::AppState;

/// Sign in with a username and password.
///
/// Returns an access token and a refresh token. A wrong password and an unknown
/// username get the same answer. Attempts are limited per client address and per
/// account name: after repeated failures the name is locked for a while (429).
#[utoipa::path(
    post, path = "/api/v1/auth/login", tag = "auth", operation_id = "login",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in", body = TokenResponse),
        (status = 401, description = "Wrong username or password", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many attempts from this address or for this account",
            body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
#[post("/api/v1/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    request_id: RequestId,
    ValidatedJson(body): ValidatedJson<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    if let Some(addr) = req.peer_addr() {
        state.login_guard.check_ip(addr.ip())?;
    }
    let username = body.username.trim().to_lowercase();
    let now = Utc::now();
    state.login_guard.check_account(&username, now)?;

    let credentials = users::credentials(&state.db, &username).await?;
    let hash = credentials.as_ref().map(|c| c.password_hash.clone());
    let password_ok = state.passwords.verify(body.password, hash).await?;
    let user = match credentials {
        Some(c) if password_ok && c.user.active => c.user,
        _ => {
            state.login_guard.record_failure(&username, now);
            return Err(ApiError::InvalidCredentials);
        }
    };
    state.login_guard.record_success(&username);

    let txn = begin_write(&state.db).await?;
    let tokens = issue_pair(&state, &txn, &user, Uuid::now_v7(), now).await?;
    let change = Change {
        action: "auth.login",
        entity: "user",
        entity_id: user.id,
        branch_id: Some(user.branch_id),
        before: None,
        after: None,
    };
    audit::record(&txn, Some(user.id), &request_id, change).await?;
    txn.commit().await?;
    tracing::info!(user_id = %user.id, "signed in");
    Ok(HttpResponse::Ok().json(tokens))
}
