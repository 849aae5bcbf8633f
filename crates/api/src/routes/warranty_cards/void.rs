use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::warranty_cards::{CardDto, VoidCard};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::warranty_cards::void::void as use_case;

/// Void a card that was never activated (lost, damaged), with the reason.
#[utoipa::path(
    post, path = "/api/v1/warranty-cards/{number}/void", tag = "warranty", operation_id = "void_warranty_card",
    security(("bearer" = [])),
    params(("number" = String, Path, description = "Card number, e.g. DK000000018")),
    request_body = VoidCard,
    responses(
        (status = 200, description = "Voided", body = CardDto),
        (status = 404, description = "No such card", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The card is activated or already void", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/warranty-cards/{number}/void")]
pub async fn void(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageWarranty>,
    request_id: RequestId,
    key: IdempotencyKey,
    number: web::Path<String>,
    ValidatedJson(body): ValidatedJson<VoidCard>,
) -> Result<HttpResponse, ApiError> {
    Ok(reply::once(StatusCode::OK, use_case(&state.db, &Actor::new(me, request_id, key), &number, body).await?))
}
