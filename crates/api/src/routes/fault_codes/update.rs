use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::fault_codes::{FaultCodeDto, UpdateFaultCode};
use aftersales_persistence::begin_write;
use aftersales_persistence::tickets::fault_codes::{self, FaultCodeChanges};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::{ApiError, NotFoundAs};
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::fault_codes::ENTITY;
use crate::use_cases::tickets::work::{fault_code_out, names_in};

/// Rename a code or retire it (`active: false`); its code, kind and category stay.
#[utoipa::path(
    patch, path = "/api/v1/fault-codes/{id}", tag = "service-catalogue", operation_id = "update_fault_code",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Code id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; the update fails with 412 if the code changed since"),
    ),
    request_body = UpdateFaultCode,
    responses(
        (status = 200, description = "Updated", body = FaultCodeDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such code", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The code changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/api/v1/fault-codes/{id}")]
pub async fn update_fault_code(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ConfigureTickets>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    ValidatedJson(body): ValidatedJson<UpdateFaultCode>,
) -> Result<HttpResponse, ApiError> {
    let txn = begin_write(&state.db).await?;
    let current = fault_codes::find(&txn, *id).await.or_not_found("fault code")?;
    let changes = FaultCodeChanges { names: body.names.map(names_in), active: body.active };
    let updated = fault_codes::update(&txn, &current, expected, changes, Utc::now()).await?;
    let out = fault_code_out(&updated)?;
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "fault_code.update",
            entity: ENTITY,
            entity_id: updated.id,
            branch_id: None,
            before: snapshot(&fault_code_out(&current)?),
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(updated.version))).json(out))
}
