use actix_web::{HttpResponse, get, web};
use aftersales_api_types::auth::MeDto;

use crate::auth::Authenticated;
use crate::error::ApiError;
use crate::state::AppState;
use crate::use_cases;

/// The signed-in user.
#[utoipa::path(
    get, path = "/api/v1/auth/me", tag = "auth", operation_id = "get_me",
    security(("bearer" = [])),
    responses((status = 200, description = "The signed-in user", body = MeDto)),
)]
#[get("/api/v1/auth/me")]
pub async fn me(state: web::Data<AppState>, Authenticated(me): Authenticated) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(use_cases::auth::me::get(&state.db, &me).await?))
}
