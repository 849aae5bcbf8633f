use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::warranty::{PolicyDto, PolicyQuery, PolicyScope};
use aftersales_persistence::warranty_policies::{self, PolicyFilter};

use crate::auth::Authenticated;
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::pagination;
use crate::state::AppState;
use crate::warranty_dto::{policy_out, scope_in};

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
    let limit = pagination::limit(query.limit);
    let scope = match (query.scope_kind, query.scope_id) {
        (Some(kind), Some(id)) => Some(scope_in(PolicyScope { kind, id })),
        (None, None) => None,
        _ => return Err(ApiError::field("scope_id", "required", "give scope_kind and scope_id together")),
    };
    let after_id = pagination::decode_id_cursor(query.cursor.as_deref())?;
    let rows = warranty_policies::list(&state.db, PolicyFilter { scope, after_id, limit }).await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, |p| p.id.to_string(), policy_out)))
}
