use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::entitlement::{Decision, EvaluateRequest};

use crate::auth::Authenticated;
use crate::error::ApiError;
use crate::extract::ValidatedJson;
use crate::state::AppState;
use crate::use_cases::warranty::evaluate::evaluate as use_case;

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
    Ok(HttpResponse::Ok().json(use_case(&state.db, body).await?))
}
