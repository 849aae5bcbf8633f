use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::branches::{BranchDto, BranchQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::branches;

/// List the branches you see: yours and those below it, by code.
#[utoipa::path(
    get, path = "/api/v1/branches", tag = "branches", operation_id = "list_branches",
    security(("bearer" = [])),
    params(BranchQuery),
    responses((status = 200, description = "One page of branches", body = Page<BranchDto>)),
)]
#[get("/api/v1/branches")]
pub async fn list_branches(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewOrganisation>,
    ValidatedQuery(query): ValidatedQuery<BranchQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(branches::list::list(&state.db, &me, query).await?))
}
