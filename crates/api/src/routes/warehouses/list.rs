use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::warehouses::{WarehouseDto, WarehouseQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::warehouses::list;

/// List the warehouses of your part of the network, by code.
#[utoipa::path(
    get, path = "/api/v1/warehouses", tag = "parts", operation_id = "list_warehouses",
    security(("bearer" = [])),
    params(WarehouseQuery),
    responses((status = 200, description = "One page of warehouses", body = Page<WarehouseDto>)),
)]
#[get("/api/v1/warehouses")]
pub async fn list_warehouses(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewParts>,
    ValidatedQuery(query): ValidatedQuery<WarehouseQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(list::list(&state.db, &me, query).await?))
}
