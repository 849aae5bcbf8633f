use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::warehouses::{CreateWarehouse, WarehouseDto};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::warehouses::create;

/// Add a warehouse to a branch of your part of the network.
///
/// The code is trimmed, upper-cased and unique across the network (409 naming
/// it). A van needs the technician it belongs to; no other kind has one.
#[utoipa::path(
    post, path = "/api/v1/warehouses", tag = "parts", operation_id = "create_warehouse",
    security(("bearer" = [])),
    request_body = CreateWarehouse,
    responses(
        (status = 201, description = "Created", body = WarehouseDto,
            headers(("Location" = String, description = "URL of the new warehouse"), ("ETag" = String, description = "Version of the warehouse"))),
        (status = 409, description = "A warehouse with this code exists", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/warehouses")]
pub async fn create_warehouse(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageParts>,
    request_id: RequestId,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<CreateWarehouse>,
) -> Result<HttpResponse, ApiError> {
    let warehouse = create::create(&state.db, &Actor::new(me, request_id, key), body).await?;
    Ok(reply::created(warehouse, |v| format!("/api/v1/warehouses/{}", v.id), |v| v.version))
}
