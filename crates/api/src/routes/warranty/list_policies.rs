use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::warranty::{PolicyDto, PolicyQuery};

use crate::auth::Authenticated;
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::warranty::list_policies::list_policies as use_case;

/// List warranty policies, optionally those written for one brand, category or model.
#[utoipa::path(
    get, path = "/api/v1/warranty-policies", tag = "warranty", operation_id = "list_warranty_policies",
    security(("bearer" = [])),
    params(PolicyQuery),
    responses((status = 200, description = "One page of policies", body = Page<PolicyDto>)),
)]
#[get("/api/v1/warranty-policies")]
pub async fn list_policies(
    state: web::Data<AppState>,
    _: Authenticated,
    ValidatedQuery(query): ValidatedQuery<PolicyQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(use_case(&state.db, query).await?))
}
