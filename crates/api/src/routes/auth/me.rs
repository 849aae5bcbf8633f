use actix_web::{HttpResponse, get, web};
use aftersales_api_types::users::UserDto;
use aftersales_persistence::users;

use crate::auth::Authenticated;
use crate::dto;
use crate::error::ApiError;
use crate::state::AppState;

/// The signed-in user.
#[utoipa::path(
    get, path = "/api/v1/auth/me", tag = "auth", operation_id = "get_me",
    security(("bearer" = [])),
    responses((status = 200, description = "The signed-in user", body = UserDto)),
)]
#[get("/api/v1/auth/me")]
pub async fn me(state: web::Data<AppState>, Authenticated(me): Authenticated) -> Result<HttpResponse, ApiError> {
    let user = users::find(&state.db, me.user_id).await?;
    Ok(HttpResponse::Ok().json(dto::user_out(&user)))
}
