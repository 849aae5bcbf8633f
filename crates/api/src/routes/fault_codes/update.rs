use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::fault_codes::{FaultCodeDto, UpdateFaultCode};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::{Actor, fault_codes};

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
    let actor = Actor::once(me, request_id);
    let code = fault_codes::update::update(&state.db, &actor, *id, expected, body).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(code.version))).json(code))
}
