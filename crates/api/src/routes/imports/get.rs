use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::imports::ImportJobDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::state::AppState;
use crate::use_cases::imports::get::get;

/// One import job: its status, progress (`processed_rows` of `total_rows`) and the
/// bad rows found.
#[utoipa::path(
    get, path = "/api/v1/imports/{id}", tag = "imports", operation_id = "get_import",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Import job id")),
    responses(
        (status = 200, description = "The job", body = ImportJobDto),
        (status = 404, description = "No such job", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/imports/{id}")]
pub async fn get_import(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ImportData>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(get(&state.db, &me, *id).await?))
}
