use actix_web::{HttpResponse, put, web};
use aftersales_api_types::Problem;
use aftersales_api_types::dispatch::{RequiredSkills, SetRequiredSkills};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::catalogue::categories::set_required_skills as use_case;

/// Replace the skills a technician needs for units of this category.
///
/// The list is the whole new set, by skill code; an unknown code answers 422
/// naming `skills` and changes nothing.
#[utoipa::path(
    put, path = "/api/v1/product-categories/{id}/required-skills", tag = "catalogue",
    operation_id = "set_category_required_skills",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Category id")),
    request_body = SetRequiredSkills,
    responses(
        (status = 200, description = "The required skills now, by code", body = RequiredSkills),
        (status = 404, description = "No such category", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/api/v1/product-categories/{id}/required-skills")]
pub async fn set_required_skills(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCatalogue>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<SetRequiredSkills>,
) -> Result<HttpResponse, ApiError> {
    let skills = use_case::set_required_skills(&state.db, &Actor::once(me, request_id), *id, body).await?;
    Ok(HttpResponse::Ok().json(skills))
}
