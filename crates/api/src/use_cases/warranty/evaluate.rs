//! Is this repair covered? A dry run of the entitlement decision; nothing is stored.
use aftersales_api_types::entitlement::{Decision, EvaluateRequest};
use aftersales_domain::warranty::evaluate_entitlement;
use aftersales_persistence::catalogue::models;
use aftersales_persistence::{DatabaseConnection, StoreError, serials, warranty_policies};

use crate::entitlement_dto::{ModelPlacement, Registered, decision_out, input_in, unit_in};
use crate::error::ApiError;
use crate::serial_dto;

/// The unit's facts come from `unit`, or from the registry for `serial_id` (then
/// its contracts and component swaps are added to those in the request). Any
/// signed-in user may ask.
pub async fn evaluate(db: &DatabaseConnection, body: EvaluateRequest) -> Result<Decision, ApiError> {
    let (unit, registered) = match (&body.unit, body.serial_id) {
        (Some(given), None) => {
            let model = match models::find(db, given.model_id).await {
                Err(StoreError::NotFound) => {
                    return Err(ApiError::field(
                        "unit.model_id",
                        "unknown_model",
                        "there is no product model with this id",
                    ));
                }
                other => other?,
            };
            let placement = ModelPlacement {
                brand_id: model.brand_id.uuid(),
                category_id: model.category_id.uuid(),
                model_id: model.id.uuid(),
            };
            (unit_in(given, placement), Registered::default())
        }
        (None, Some(serial_id)) => {
            let unit = match serials::find(db, serial_id).await {
                Err(StoreError::NotFound) => {
                    return Err(ApiError::field(
                        "serial_id",
                        "unknown_serial",
                        "there is no registered unit with this id",
                    ));
                }
                other => other?,
            };
            let model = models::find(db, unit.model_id.uuid()).await?;
            let contracts = serials::contracts::of_unit(db, unit.id.uuid()).await?;
            let swaps = serials::swaps::of_unit(db, unit.id.uuid()).await?;
            (serial_dto::unit_facts(&unit, model.category_id.uuid()), serial_dto::registered(&contracts, &swaps))
        }
        (Some(_), Some(_)) => {
            return Err(ApiError::field("serial_id", "exclusive", "give either unit or serial_id, not both"));
        }
        (None, None) => return Err(ApiError::field("unit", "required", "give either unit or serial_id")),
    };
    let policies =
        warranty_policies::candidates_for(db, unit.brand_id.uuid(), unit.category_id.uuid(), unit.model_id.uuid())
            .await?;
    let input = input_in(&body, unit, policies, registered);
    let decision = evaluate_entitlement(&input);
    Ok(decision_out(&decision, &input.policies))
}
