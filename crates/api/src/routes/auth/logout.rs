use actix_web::{HttpResponse, post, web};
use aftersales_api_types::auth::RefreshRequest;

use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::state::AppState;
use crate::use_cases::auth::logout::logout as sign_out;

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
    sign_out(&state.db, request_id, body).await?;
    Ok(HttpResponse::NoContent().finish())
}
