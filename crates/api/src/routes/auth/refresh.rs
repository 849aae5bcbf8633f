use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::auth::{RefreshRequest, TokenResponse};

use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::state::AppState;
use crate::use_cases::auth::Sessions;
use crate::use_cases::auth::refresh::refresh as trade;

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
    let sessions = Sessions { tokens: &state.tokens, refresh_ttl_days: state.config.refresh_token_ttl_days };
    Ok(HttpResponse::Ok().json(trade(&state.db, &sessions, request_id, body).await?))
}
