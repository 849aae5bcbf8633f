use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::warranty_cards::{ActivateCard, CardDto};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::warranty_cards::activate::activate as use_case;

/// Activate a warranty card on a unit of its brand.
///
/// The card must be issued (not yet activated or voided) and the unit must carry
/// no other card. The activation day becomes the unit's registration day, from
/// which policies counting from registration start.
#[utoipa::path(
    post, path = "/api/v1/warranty-cards/{number}/activate", tag = "warranty", operation_id = "activate_warranty_card",
    security(("bearer" = [])),
    params(("number" = String, Path, description = "Card number, e.g. DK000000018")),
    request_body = ActivateCard,
    responses(
        (status = 200, description = "Activated", body = CardDto),
        (status = 404, description = "No such card", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already activated, voided, of another brand, or the unit has a card", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/warranty-cards/{number}/activate")]
pub async fn activate(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCustomers>,
    request_id: RequestId,
    key: IdempotencyKey,
    number: web::Path<String>,
    ValidatedJson(body): ValidatedJson<ActivateCard>,
) -> Result<HttpResponse, ApiError> {
    Ok(reply::once(StatusCode::OK, use_case(&state.db, &Actor::new(me, request_id, key), &number, body).await?))
}
