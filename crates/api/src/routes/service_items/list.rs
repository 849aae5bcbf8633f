use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::service_items::{ServiceItemDto, ServiceItemQuery};
use aftersales_persistence::tickets::service_items::{self, ServiceItemFilter};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::pagination;
use crate::state::AppState;
use crate::use_cases::tickets::work::{code_key, decode_code_cursor, service_item_out};

/// List the service catalogue by code, optionally of one product category.
#[utoipa::path(
    get, path = "/api/v1/service-items", tag = "service-catalogue", operation_id = "list_service_items",
    security(("bearer" = [])),
    params(ServiceItemQuery),
    responses((status = 200, description = "One page of service items", body = Page<ServiceItemDto>)),
)]
#[get("/api/v1/service-items")]
pub async fn list_service_items(
    state: web::Data<AppState>,
    _: Authorized<need::ViewTickets>,
    ValidatedQuery(query): ValidatedQuery<ServiceItemQuery>,
) -> Result<HttpResponse, ApiError> {
    let limit = pagination::limit(query.limit);
    let filter = ServiceItemFilter {
        category_id: query.category_id,
        active: query.active,
        after: decode_code_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = service_items::list(&state.db, filter).await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, |s| code_key(&s.code, s.id), service_item_out)))
}
