use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::warehouses::WarehouseDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::etag;
use crate::state::AppState;
use crate::use_cases::warehouses::get;

/// One warehouse of your part of the network; another branch's is 404.
#[utoipa::path(
    get, path = "/api/v1/warehouses/{id}", tag = "parts", operation_id = "get_warehouse",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Warehouse id")),
    responses(
        (status = 200, description = "The warehouse", body = WarehouseDto, headers(("ETag" = String, description = "Version, for If-Match"))),
        (status = 404, description = "No such warehouse in your part of the network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/warehouses/{id}")]
pub async fn get_warehouse(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewParts>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let warehouse = get::get(&state.db, &me, *id).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(warehouse.version))).json(warehouse))
}
