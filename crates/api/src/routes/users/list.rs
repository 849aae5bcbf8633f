use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::users::{UserDto, UserQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::users;

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
    Ok(HttpResponse::Ok().json(users::list::list(&state.db, &me, query).await?))
}
