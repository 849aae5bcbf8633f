use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::users::{UpdateUser, UserDto};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::{Actor, users};

/// Change a user: details, branch, roles, skills, password, or disable them.
///
/// Disabling a user or setting a new password signs them out everywhere. You
/// cannot disable yourself or take away your own admin role.
#[utoipa::path(
    patch, path = "/api/v1/users/{id}", tag = "users", operation_id = "update_user",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "User id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; the update fails with 412 if the user changed since"),
    ),
    request_body = UpdateUser,
    responses(
        (status = 200, description = "Updated", body = UserDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such user in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "You would lock yourself out", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The user changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/api/v1/users/{id}")]
pub async fn update_user(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageUsers>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<UpdateUser>,
    IfMatch(expected): IfMatch,
) -> Result<HttpResponse, ApiError> {
    let actor = Actor::once(me, request_id);
    let user = users::update::update(&state.db, &state.passwords, &actor, *id, expected, body).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(user.version))).json(user))
}
