//! Liveness and readiness for load balancers and orchestrators.
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use serde_json::json;

use crate::error::ApiError;
use crate::state::AppState;
use crate::use_cases;

/// The process is up.
#[utoipa::path(
    get, path = "/healthz", tag = "operations", operation_id = "healthz",
    responses((status = 200, description = "Alive", body = serde_json::Value, example = json!({"status": "ok"}))),
)]
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(json!({"status": "ok"}))
}

/// The process can reach its database.
#[utoipa::path(
    get, path = "/readyz", tag = "operations", operation_id = "readyz",
    responses(
        (status = 200, description = "Ready", body = serde_json::Value, example = json!({"status": "ready"})),
        (status = 503, description = "The database is unreachable", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    use_cases::operations::ready(&state.db).await?;
    Ok(HttpResponse::Ok().json(json!({"status": "ready"})))
}
