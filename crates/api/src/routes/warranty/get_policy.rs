use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::warranty::PolicyDto;
use aftersales_persistence::warranty_policies;
use uuid::Uuid;

use crate::auth::Authenticated;
use crate::error::{ApiError, NotFoundAs};
use crate::state::AppState;
use crate::warranty_dto::policy_out;

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
    let record = warranty_policies::find(&state.db, *id).await.or_not_found("warranty policy")?;
    Ok(HttpResponse::Ok().json(policy_out(&record)))
}
