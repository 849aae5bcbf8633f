use actix_web::{HttpResponse, post, web};
use aftersales_api_types::entitlement::{Decision, EvaluateRequest};
use aftersales_domain::warranty::evaluate_entitlement;
use aftersales_persistence::catalogue::models;
use aftersales_persistence::{StoreError, warranty_policies};

use crate::auth::Authenticated;
use crate::entitlement_dto::{ModelPlacement, decision_out, input_in};
use crate::error::ApiError;
use crate::extract::ValidatedJson;
use crate::state::AppState;

/// Is this repair covered? A dry run of the entitlement decision.
///
/// Picks the policy of the unit's model, category or brand (the most specific in
/// force on the sale date), counts from its start basis, and decides parts, labour
/// and travel separately, with contracts and earlier part replacements taken into
/// account. Every leg says why; missing facts come back as warnings. Nothing is stored.
#[utoipa::path(
    post, path = "/api/v1/warranty/evaluate", tag = "warranty", operation_id = "evaluate_warranty",
    security(("bearer" = [])),
    request_body = EvaluateRequest,
    responses((status = 200, description = "The decision with its reasons", body = Decision)),
)]
#[post("/api/v1/warranty/evaluate")]
pub async fn evaluate(
    state: web::Data<AppState>,
    _: Authenticated,
    ValidatedJson(body): ValidatedJson<EvaluateRequest>,
) -> Result<HttpResponse, ApiError> {
    let model = match models::find(&state.db, body.unit.model_id).await {
        Err(StoreError::NotFound) => {
            return Err(ApiError::field("unit.model_id", "unknown_model", "there is no product model with this id"));
        }
        other => other?,
    };
    let policies = warranty_policies::candidates_for(&state.db, model.brand_id, model.category_id, model.id).await?;
    let placement = ModelPlacement { brand_id: model.brand_id, category_id: model.category_id, model_id: model.id };
    let input = input_in(&body, placement, policies);
    let decision = evaluate_entitlement(&input);
    Ok(HttpResponse::Ok().json(decision_out(&decision, &input.policies)))
}
