use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::page::ListQuery;
use aftersales_api_types::skills::SkillDto;
use aftersales_persistence::skills;

use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::pagination;
use crate::state::AppState;

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
    _: Authorized<need::ViewOrganisation>,
    ValidatedQuery(query): ValidatedQuery<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let limit = pagination::limit(query.limit);
    let rows = skills::list(&state.db, pagination::decode_cursor(query.cursor.as_deref())?, limit).await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, |s| s.code.clone(), dto::skill_out)))
}
