use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::warehouses::{UpdateWarehouse, WarehouseDto};
use aftersales_persistence::warehouses::{self, WarehouseChanges};
use aftersales_persistence::{begin_write, branches};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::{ApiError, NotFoundAs};
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::warehouses::{ENTITY, check_van_technician, kind_in, van_rule, warehouse_out};

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
    let txn = begin_write(&state.db).await?;
    let current = warehouses::find_in_scope(&txn, &me.scope, *id).await.or_not_found("warehouse")?;
    let kind = body.kind.map(kind_in);
    van_rule(kind.unwrap_or(current.kind), body.technician_id.unwrap_or(current.technician_id))?;
    // Only a newly named technician is checked: a van keeps its technician even
    // if they have since left, until it is handed on.
    if let Some(Some(technician_id)) = body.technician_id {
        let branch = branches::find(&txn, current.branch_id).await?;
        check_van_technician(&txn, &branch, technician_id).await?;
    }
    let changes = WarehouseChanges {
        name: body.name.map(|n| n.trim().to_owned()),
        kind,
        technician_id: body.technician_id,
        active: body.active,
    };
    let updated = warehouses::update(&txn, &current, expected, changes, Utc::now()).await?;
    let out = warehouse_out(&updated);
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "warehouse.update",
            entity: ENTITY,
            entity_id: updated.id,
            branch_id: Some(updated.branch_id),
            before: snapshot(&warehouse_out(&current)),
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(updated.version))).json(out))
}
