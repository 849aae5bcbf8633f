use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::users::UserDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::etag;
use crate::state::AppState;
use crate::use_cases::users;

/// One user of your part of the network.
#[utoipa::path(
    get, path = "/api/v1/users/{id}", tag = "users", operation_id = "get_user",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "User id")),
    responses(
        (status = 200, description = "The user", body = UserDto, headers(("ETag" = String, description = "Version, for If-Match"))),
        (status = 404, description = "No such user in your part of the network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/users/{id}")]
pub async fn get_user(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewOrganisation>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let user = users::get::get(&state.db, &me, *id).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(user.version))).json(user))
}
