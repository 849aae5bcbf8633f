use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::branches::BranchDto;
use uuid::Uuid;

use crate::auth::Authenticated;
use crate::error::ApiError;
use crate::extract::etag;
use crate::state::AppState;
use crate::use_cases::branches;

/// One branch of yours: your own branch for anyone, any branch of your part of the
/// network with `view_organisation`.
#[utoipa::path(
    get, path = "/api/v1/branches/{id}", tag = "branches", operation_id = "get_branch",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Branch id")),
    responses(
        (status = 200, description = "The branch", body = BranchDto, headers(("ETag" = String, description = "Version, for If-Match"))),
        (status = 403, description = "Another branch than your own, without `view_organisation`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such branch in your part of the network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/branches/{id}")]
pub async fn get_branch(
    state: web::Data<AppState>,
    Authenticated(me): Authenticated,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let branch = branches::get::get(&state.db, &me, *id).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(branch.version))).json(branch))
}
