use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::page::ListQuery;
use aftersales_api_types::skills::SkillDto;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::skills;

/// List the skills catalogue, by code.
#[utoipa::path(
    get, path = "/api/v1/skills", tag = "skills", operation_id = "list_skills",
    security(("bearer" = [])),
    params(ListQuery),
    responses((status = 200, description = "One page of skills", body = Page<SkillDto>)),
)]
#[get("/api/v1/skills")]
pub async fn list_skills(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewOrganisation>,
    ValidatedQuery(query): ValidatedQuery<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(skills::list::list(&state.db, &me, query).await?))
}
