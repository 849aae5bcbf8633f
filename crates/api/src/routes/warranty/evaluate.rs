use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::entitlement::{Decision, EvaluateRequest};
use aftersales_domain::warranty::evaluate_entitlement;
use aftersales_persistence::catalogue::models;
use aftersales_persistence::{StoreError, serials, warranty_policies};

use crate::auth::Authenticated;
use crate::entitlement_dto::{ModelPlacement, Registered, decision_out, input_in, unit_in};
use crate::error::ApiError;
use crate::extract::ValidatedJson;
use crate::serial_dto;
use crate::state::AppState;

/// Is this repair covered? A dry run of the entitlement decision.
///
/// Picks the policy of the unit's model, category or brand (the most specific in
/// force on the sale date), counts from its start basis, and decides parts, labour
/// and travel separately, with contracts and earlier part replacements taken into
/// account. Every leg says why; missing facts come back as warnings. Nothing is stored.
///
/// Give the unit's facts in `unit`, or the id of a registered unit in `serial_id`:
/// then its dates come from the registry, and its contracts and component swaps
/// are added to those in the request.
#[utoipa::path(
    post, path = "/api/v1/warranty/evaluate", tag = "warranty", operation_id = "evaluate_warranty",
    security(("bearer" = [])),
    request_body = EvaluateRequest,
    responses(
        (status = 200, description = "The decision with its reasons", body = Decision),
        (status = 422, description = "Neither or both of `unit` and `serial_id`, or an unknown model or unit", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/api/v1/warranty/evaluate")]
pub async fn evaluate(
    state: web::Data<AppState>,
    _: Authenticated,
    ValidatedJson(body): ValidatedJson<EvaluateRequest>,
) -> Result<HttpResponse, ApiError> {
    let (unit, registered) = match (&body.unit, body.serial_id) {
        (Some(given), None) => {
            let model = match models::find(&state.db, given.model_id).await {
                Err(StoreError::NotFound) => {
                    return Err(ApiError::field(
                        "unit.model_id",
                        "unknown_model",
                        "there is no product model with this id",
                    ));
                }
                other => other?,
            };
            let placement =
                ModelPlacement { brand_id: model.brand_id, category_id: model.category_id, model_id: model.id };
            (unit_in(given, placement), Registered::default())
        }
        (None, Some(serial_id)) => {
            let unit = match serials::find(&state.db, serial_id).await {
                Err(StoreError::NotFound) => {
                    return Err(ApiError::field(
                        "serial_id",
                        "unknown_serial",
                        "there is no registered unit with this id",
                    ));
                }
                other => other?,
            };
            let model = models::find(&state.db, unit.model_id).await?;
            let contracts = serials::contracts::of_unit(&state.db, unit.id).await?;
            let swaps = serials::swaps::of_unit(&state.db, unit.id).await?;
            (serial_dto::unit_facts(&unit, model.category_id), serial_dto::registered(&contracts, &swaps))
        }
        (Some(_), Some(_)) => {
            return Err(ApiError::field("serial_id", "exclusive", "give either unit or serial_id, not both"));
        }
        (None, None) => return Err(ApiError::field("unit", "required", "give either unit or serial_id")),
    };
    let policies = warranty_policies::candidates_for(&state.db, unit.brand_id, unit.category_id, unit.model_id).await?;
    let input = input_in(&body, unit, policies, registered);
    let decision = evaluate_entitlement(&input);
    Ok(HttpResponse::Ok().json(decision_out(&decision, &input.policies)))
}
