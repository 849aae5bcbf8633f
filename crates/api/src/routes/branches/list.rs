use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::branches::{BranchDto, BranchQuery};
use aftersales_persistence::branches::{self, BranchFilter};

use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::pagination;
use crate::state::AppState;

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
    let limit = pagination::limit(query.limit);
    let filter = BranchFilter {
        parent_id: query.parent_id,
        q: query.q,
        after_code: pagination::decode_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = branches::list(&state.db, &me.scope, filter).await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, |b| b.code.clone(), dto::branch_out)))
}
