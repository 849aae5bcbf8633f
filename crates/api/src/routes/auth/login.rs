use actix_web::{HttpRequest, HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::auth::{LoginRequest, TokenResponse};

use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::state::AppState;
use crate::use_cases::auth::Sessions;
use crate::use_cases::auth::login::login as sign_in;

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
    let sessions = Sessions { tokens: &state.tokens, refresh_ttl_days: state.config.refresh_token_ttl_days };
    let client = req.peer_addr().map(|addr| addr.ip());
    let tokens = sign_in(&state.db, &sessions, &state.passwords, &state.login_guard, client, request_id, body).await?;
    Ok(HttpResponse::Ok().json(tokens))
}
