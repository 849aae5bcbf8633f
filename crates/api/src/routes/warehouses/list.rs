use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::warehouses::{WarehouseDto, WarehouseQuery};
use aftersales_persistence::warehouses::{self, WarehouseFilter};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::pagination;
use crate::state::AppState;
use crate::use_cases::warehouses::{kind_in, warehouse_out};

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
    let limit = pagination::limit(query.limit);
    let filter = WarehouseFilter {
        branch_id: query.branch_id,
        kind: query.kind.map(kind_in),
        technician_id: query.technician_id,
        active: query.active,
        after_code: pagination::decode_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = warehouses::list(&state.db, &me.scope, filter).await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, |w| w.code.clone(), warehouse_out)))
}
