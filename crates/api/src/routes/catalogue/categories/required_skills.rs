use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::dispatch::RequiredSkills;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::state::AppState;
use crate::use_cases::catalogue::categories::required_skills::required_skills;

/// The skills a technician needs for units of this category.
///
/// Dispatch warns (`missing_skill`) when the technician sent to a ticket lacks one
/// of them.
#[utoipa::path(
    get, path = "/api/v1/product-categories/{id}/required-skills", tag = "catalogue",
    operation_id = "get_category_required_skills",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Category id")),
    responses(
        (status = 200, description = "The required skills, by code", body = RequiredSkills),
        (status = 404, description = "No such category", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/product-categories/{id}/required-skills")]
pub async fn get_required_skills(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewCatalogue>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(required_skills(&state.db, &me, *id).await?))
}
