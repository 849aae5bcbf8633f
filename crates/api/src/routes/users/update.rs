use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::users::{UpdateUser, UserDto};
use aftersales_domain::access::Role;
use aftersales_persistence::{begin_write, refresh_tokens, users};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::{ApiError, NotFoundAs};
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::access::ensure_branch_in_scope;
use crate::use_cases::users::skill_ids;

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
    let roles: Option<Vec<Role>> = body.roles.map(|r| r.into_iter().map(dto::role_in).collect());
    if *id == me.user_id {
        if body.active == Some(false) {
            return Err(ApiError::Conflict("you cannot disable your own account".into()));
        }
        if roles.as_ref().is_some_and(|r| !r.contains(&Role::Admin)) && me.roles.contains(&Role::Admin) {
            return Err(ApiError::Conflict("you cannot take away your own admin role".into()));
        }
    }
    let password_hash = match body.password {
        Some(p) => Some(state.passwords.hash(p).await?),
        None => None,
    };
    let now = Utc::now();
    let txn = begin_write(&state.db).await?;
    let current = users::find_in_scope(&txn, &me.scope, *id).await.or_not_found("user")?;
    if let Some(branch_id) = body.branch_id {
        ensure_branch_in_scope(&txn, &me.scope, branch_id).await?;
    }
    let skill_ids = match &body.skills {
        Some(codes) => Some(skill_ids(&txn, codes).await?),
        None => None,
    };
    let signs_out = password_hash.is_some() || body.active == Some(false);
    let changes = users::UserChanges {
        display_name: body.display_name.map(|n| n.trim().to_owned()),
        email: body.email,
        phone: body.phone,
        branch_id: body.branch_id,
        roles,
        skill_ids,
        locale: body.locale.map(dto::locale_in),
        active: body.active,
        password_hash,
    };
    let updated = users::update(&txn, &current, expected, changes, now).await?;
    if signs_out {
        refresh_tokens::revoke_all_of_user(&txn, updated.id, now).await?;
    }
    let out = dto::user_out(&updated);
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "user.update",
            entity: "user",
            entity_id: updated.id,
            branch_id: Some(updated.branch_id),
            before: snapshot(&dto::user_out(&current)),
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(updated.version))).json(out))
}
