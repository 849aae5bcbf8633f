use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::imports::{ImportJobDto, ImportJobQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::imports::list::list;

/// Import jobs, newest first.
#[utoipa::path(
    get, path = "/api/v1/imports", tag = "imports", operation_id = "list_imports",
    security(("bearer" = [])),
    params(ImportJobQuery),
    responses((status = 200, description = "One page of import jobs", body = Page<ImportJobDto>)),
)]
#[get("/api/v1/imports")]
pub async fn list_imports(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ImportData>,
    ValidatedQuery(query): ValidatedQuery<ImportJobQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(list(&state.db, &me, query).await?))
}
