use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::warehouses::{CreateWarehouse, WarehouseDto};
use aftersales_persistence::begin_write;
use aftersales_persistence::warehouses::{self, NewWarehouse};
use chrono::Utc;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::warehouses::{ENTITY, branch_in_scope, check_van_technician, kind_in, van_rule, warehouse_out};

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
    ValidatedJson(body): ValidatedJson<CreateWarehouse>,
) -> Result<HttpResponse, ApiError> {
    let kind = kind_in(body.kind);
    van_rule(kind, body.technician_id)?;
    let txn = begin_write(&state.db).await?;
    let branch = branch_in_scope(&txn, &me.scope, body.branch_id).await?;
    if let Some(technician_id) = body.technician_id {
        check_van_technician(&txn, &branch, technician_id).await?;
    }
    let new = NewWarehouse {
        branch_id: branch.id,
        code: body.code.trim().to_uppercase(),
        name: body.name.trim().to_owned(),
        kind,
        technician_id: body.technician_id,
    };
    let warehouse = warehouses::insert(&txn, new, Utc::now()).await?;
    let out = warehouse_out(&warehouse);
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "warehouse.create",
            entity: ENTITY,
            entity_id: warehouse.id,
            branch_id: Some(warehouse.branch_id),
            before: None,
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/warehouses/{}", warehouse.id)))
        .insert_header((header::ETAG, etag(warehouse.version)))
        .json(out))
}
