use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::imports::{ImportJobDto, ImportJobQuery};
use aftersales_persistence::import_jobs::{self, ImportJob};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::pagination;
use crate::state::AppState;
use crate::use_cases::imports::job_out;

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
    _: Authorized<need::ImportData>,
    ValidatedQuery(query): ValidatedQuery<ImportJobQuery>,
) -> Result<HttpResponse, ApiError> {
    let limit = pagination::limit(query.limit);
    let before = match pagination::decode_cursor(query.cursor.as_deref())? {
        Some(raw) => Some(
            raw.parse::<Uuid>()
                .map_err(|_| ApiError::field("cursor", "invalid_cursor", "is not a cursor this API gave out"))?,
        ),
        None => None,
    };
    let rows = import_jobs::list(&state.db, before, limit).await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, |j: &ImportJob| j.id.to_string(), job_out)))
}
