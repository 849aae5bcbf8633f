use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::serial_records::{AddContract, ContractDto};
use aftersales_persistence::begin_write;
use aftersales_persistence::serials::{self, contracts};
use chrono::Utc;
use serde_json::json;
use uuid::Uuid;

use crate::audit::snapshot;
use crate::auth::{Authorized, need};
use crate::error::{ApiError, NotFoundAs};
use crate::extract::{RequestId, ValidatedJson};
use crate::serial_dto;
use crate::state::AppState;
use crate::use_cases::serials::{known_components, record_change};
use crate::warranty_dto::leg_in;

/// Add an extended warranty or service contract bought for the unit.
///
/// Evaluating the unit by `serial_id` then takes the contract into account.
#[utoipa::path(
    post, path = "/api/v1/serials/{id}/contracts", tag = "serials", operation_id = "add_serial_contract",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Unit id")),
    request_body = AddContract,
    responses(
        (status = 201, description = "Added", body = ContractDto),
        (status = 404, description = "No such unit", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/serials/{id}/contracts")]
pub async fn add_serial_contract(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageWarranty>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<AddContract>,
) -> Result<HttpResponse, ApiError> {
    if body.ends_on < body.starts_on {
        return Err(ApiError::field("ends_on", "before_start", "the contract ends before it starts"));
    }
    let txn = begin_write(&state.db).await?;
    let unit = serials::find(&txn, *id).await.or_not_found("unit")?;
    let codes: Vec<String> = body.component_codes.iter().map(|c| c.trim().to_owned()).collect();
    let code_refs: Vec<&str> = codes.iter().map(String::as_str).collect();
    known_components(&txn, unit.model_id, &code_refs, "component_codes", true).await?;
    let mut legs = Vec::new();
    for leg in body.legs.iter().copied().map(leg_in) {
        if !legs.contains(&leg) {
            legs.push(leg);
        }
    }
    let contract = contracts::UnitContract {
        id: Uuid::now_v7(),
        serial_id: unit.id,
        reference: body.reference.trim().to_owned(),
        kind: serial_dto::contract_kind_in(body.kind),
        legs,
        starts_on: body.starts_on,
        ends_on: body.ends_on,
        component_codes: codes,
        created_at: Utc::now(),
        created_by: Some(me.user_id),
    };
    contracts::insert(&txn, &contract).await?;
    let out = serial_dto::contract_out(&contract);
    let details = json!({
        "contract_id": contract.id, "reference": contract.reference,
        "starts_on": contract.starts_on, "ends_on": contract.ends_on
    });
    let audit_row = ("serial.contract_add", None, snapshot(&out));
    record_change(&txn, me.user_id, &request_id, &unit, ("contract_added", details), audit_row).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}
