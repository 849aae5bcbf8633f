use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::warranty::PolicyDto;
use uuid::Uuid;

use crate::auth::Authenticated;
use crate::error::ApiError;
use crate::state::AppState;
use crate::use_cases::warranty::get_policy::get_policy as use_case;

/// One warranty policy with every version it has had.
#[utoipa::path(
    get, path = "/api/v1/warranty-policies/{id}", tag = "warranty", operation_id = "get_warranty_policy",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Policy id")),
    responses(
        (status = 200, description = "The policy", body = PolicyDto),
        (status = 404, description = "No such policy", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/warranty-policies/{id}")]
pub async fn get_policy(
    state: web::Data<AppState>,
    _: Authenticated,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(use_case(&state.db, *id).await?))
}
