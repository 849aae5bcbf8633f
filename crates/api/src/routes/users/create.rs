use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::users::{CreateUser, UserDto};
use aftersales_persistence::{begin_write, users};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::access::ensure_branch_in_scope;
use crate::use_cases::users::skill_ids;

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
    ValidatedJson(body): ValidatedJson<CreateUser>,
) -> Result<HttpResponse, ApiError> {
    // Hash before the transaction: it is slow and needs no lock.
    let password_hash = state.passwords.hash(body.password).await?;
    let txn = begin_write(&state.db).await?;
    ensure_branch_in_scope(&txn, &me.scope, body.branch_id).await?;
    let skill_ids = skill_ids(&txn, &body.skills).await?;
    let id = Uuid::now_v7();
    let user = users::insert(
        &txn,
        users::NewUser {
            id,
            branch_id: body.branch_id,
            username: body.username,
            display_name: body.display_name.trim().to_owned(),
            email: body.email,
            phone: body.phone,
            password_hash,
            roles: body.roles.into_iter().map(dto::role_in).collect(),
            skill_ids,
            locale: dto::locale_in(body.locale),
        },
        Utc::now(),
    )
    .await?;
    let out = dto::user_out(&user);
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "user.create",
            entity: "user",
            entity_id: id,
            branch_id: Some(user.branch_id),
            before: None,
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/users/{id}")))
        .insert_header((header::ETAG, etag(user.version)))
        .json(out))
}
