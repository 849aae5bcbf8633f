//! Add an extended warranty or service contract bought for a unit.
use actix_web::http::StatusCode;
use aftersales_api_types::serial_records::{AddContract, ContractDto};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::serials::{self, contracts};
use serde_json::json;
use uuid::Uuid;

use super::{known_components, record_change};
use crate::audit::snapshot;
use crate::error::{ApiError, NotFoundAs};
use crate::serial_dto::{contract_kind_in, contract_out};
use crate::use_cases::{Actor, Begun, Once, Work};
use crate::warranty_dto::leg_in;

/// Evaluating the unit by its id then takes the contract into account.
pub async fn add_contract(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    body: AddContract,
) -> Result<Once<ContractDto>, ApiError> {
    actor.me.require(Permission::ManageWarranty)?;
    if body.ends_on < body.starts_on {
        return Err(ApiError::field("ends_on", "before_start", "the contract ends before it starts"));
    }
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let unit = serials::find(work.db(), id).await.or_not_found("unit")?;
    let codes: Vec<String> = body.component_codes.iter().map(|c| c.trim().to_owned()).collect();
    let code_refs: Vec<&str> = codes.iter().map(String::as_str).collect();
    known_components(work.db(), unit.model_id.uuid(), &code_refs, "component_codes", true).await?;
    let mut legs = Vec::new();
    for leg in body.legs.iter().copied().map(leg_in) {
        if !legs.contains(&leg) {
            legs.push(leg);
        }
    }
    let contract = contracts::UnitContract {
        id: Uuid::now_v7(),
        serial_id: unit.id.uuid(),
        reference: body.reference.trim().to_owned(),
        kind: contract_kind_in(body.kind),
        legs,
        starts_on: body.starts_on,
        ends_on: body.ends_on,
        component_codes: codes,
        created_at: work.now(),
        created_by: Some(actor.user_id()),
    };
    contracts::insert(work.db(), &contract).await?;
    let out = contract_out(&contract);
    let details = json!({
        "contract_id": contract.id, "reference": contract.reference,
        "starts_on": contract.starts_on, "ends_on": contract.ends_on
    });
    record_change(&work, &unit, ("contract_added", details), ("serial.contract_add", None, snapshot(&out))).await?;
    work.finish(StatusCode::CREATED, out).await
}
