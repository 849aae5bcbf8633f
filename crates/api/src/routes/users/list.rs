use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::users::{UserDto, UserQuery};
use aftersales_persistence::users::{self, UserFilter};

use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::pagination;
use crate::state::AppState;

/// List the users of your branch and those below it, by username.
#[utoipa::path(
    get, path = "/api/v1/users", tag = "users", operation_id = "list_users",
    security(("bearer" = [])),
    params(UserQuery),
    responses((status = 200, description = "One page of users", body = Page<UserDto>)),
)]
#[get("/api/v1/users")]
pub async fn list_users(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewOrganisation>,
    ValidatedQuery(query): ValidatedQuery<UserQuery>,
) -> Result<HttpResponse, ApiError> {
    let limit = pagination::limit(query.limit);
    let filter = UserFilter {
        branch_id: query.branch_id,
        role: query.role.map(dto::role_in),
        active: query.active,
        q: query.q,
        after_username: pagination::decode_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = users::list(&state.db, &me.scope, filter).await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, |u| u.username.clone(), dto::user_out)))
}
