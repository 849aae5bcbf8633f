use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::imports::ImportJobDto;
use aftersales_persistence::import_jobs;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::{ApiError, NotFoundAs};
use crate::state::AppState;
use crate::use_cases::imports::job_out;

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
    _: Authorized<need::ImportData>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let job = import_jobs::find(&state.db, *id).await.or_not_found("import job")?;
    Ok(HttpResponse::Ok().json(job_out(&job)))
}
