use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::warehouses::{UpdateWarehouse, WarehouseDto};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::warehouses::update;

/// Rename a warehouse of your part of the network, change its kind, hand a van
/// to another technician, or retire it (`active: false`). Branch and code stay.
#[utoipa::path(
    patch, path = "/api/v1/warehouses/{id}", tag = "parts", operation_id = "update_warehouse",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Warehouse id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; the update fails with 412 if the warehouse changed since"),
    ),
    request_body = UpdateWarehouse,
    responses(
        (status = 200, description = "Updated", body = WarehouseDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such warehouse in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The warehouse changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/api/v1/warehouses/{id}")]
pub async fn update_warehouse(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageParts>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    ValidatedJson(body): ValidatedJson<UpdateWarehouse>,
) -> Result<HttpResponse, ApiError> {
    let warehouse = update::update(&state.db, &Actor::once(me, request_id), *id, expected, body).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(warehouse.version))).json(warehouse))
}
