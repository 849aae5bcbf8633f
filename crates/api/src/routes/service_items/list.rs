use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::service_items::{ServiceItemDto, ServiceItemQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::service_items;

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
    Authorized(me, ..): Authorized<need::ViewTickets>,
    ValidatedQuery(query): ValidatedQuery<ServiceItemQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(service_items::list::list(&state.db, &me, query).await?))
}
