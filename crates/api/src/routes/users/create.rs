use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::users::{CreateUser, UserDto};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::{Actor, users};

/// Create a user in one of your branches.
#[utoipa::path(
    post, path = "/api/v1/users", tag = "users", operation_id = "create_user",
    security(("bearer" = [])),
    request_body = CreateUser,
    responses(
        (status = 201, description = "Created", body = UserDto,
            headers(("Location" = String, description = "URL of the new user"), ("ETag" = String, description = "Version of the user"))),
        (status = 409, description = "The username is taken", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/users")]
pub async fn create_user(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageUsers>,
    request_id: RequestId,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<CreateUser>,
) -> Result<HttpResponse, ApiError> {
    let user = users::create::create(&state.db, &state.passwords, &Actor::new(me, request_id, key), body).await?;
    Ok(reply::created(user, |v| format!("/api/v1/users/{}", v.id), |v| v.version))
}
