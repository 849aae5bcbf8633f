use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::fault_codes::{CreateFaultCode, FaultCodeDto};
use aftersales_persistence::catalogue::categories;
use aftersales_persistence::tickets::fault_codes::{self, NewFaultCode};
use aftersales_persistence::{StoreError, begin_write};
use chrono::Utc;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::fault_codes::ENTITY;
use crate::use_cases::tickets::work::{fault_code_out, kind_str, names_in, normalize_code};

/// Add a code to a product category's symptom, diagnosis or resolution list.
///
/// The code is trimmed and upper-cased (`no_cooling` → `NO_COOLING`); it must be
/// new to that list (409 naming it otherwise).
#[utoipa::path(
    post, path = "/api/v1/fault-codes", tag = "service-catalogue", operation_id = "create_fault_code",
    security(("bearer" = [])),
    request_body = CreateFaultCode,
    responses(
        (status = 201, description = "Created", body = FaultCodeDto,
            headers(("Location" = String, description = "URL of the new code"), ("ETag" = String, description = "Version of the code"))),
        (status = 409, description = "The list already has this code", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/fault-codes")]
pub async fn create_fault_code(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ConfigureTickets>,
    request_id: RequestId,
    ValidatedJson(body): ValidatedJson<CreateFaultCode>,
) -> Result<HttpResponse, ApiError> {
    let txn = begin_write(&state.db).await?;
    match categories::find(&txn, body.category_id).await {
        Err(StoreError::NotFound) => {
            return Err(ApiError::field(
                "category_id",
                "unknown_category",
                "there is no product category with this id",
            ));
        }
        other => other?,
    };
    let new = NewFaultCode {
        kind: kind_str(body.kind).to_owned(),
        category_id: body.category_id,
        code: normalize_code(&body.code),
        names: names_in(body.names),
    };
    let code = fault_codes::insert(&txn, new, Utc::now()).await?;
    let out = fault_code_out(&code)?;
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "fault_code.create",
            entity: ENTITY,
            entity_id: code.id,
            branch_id: None,
            before: None,
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/fault-codes/{}", code.id)))
        .insert_header((header::ETAG, etag(code.version)))
        .json(out))
}
