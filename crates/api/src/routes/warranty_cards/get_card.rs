use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::warranty_cards::CardDto;
use aftersales_persistence::warranty_cards;

use crate::auth::{Authorized, need};
use crate::error::{ApiError, NotFoundAs};
use crate::state::AppState;
use crate::use_cases::warranty_cards::{card_key, card_out};

/// A warranty card by its number (spaces and dashes ignored).
#[utoipa::path(
    get, path = "/api/v1/warranty-cards/{number}", tag = "warranty", operation_id = "get_warranty_card",
    security(("bearer" = [])),
    params(("number" = String, Path, description = "Card number, e.g. DK000000018")),
    responses(
        (status = 200, description = "The card", body = CardDto),
        (status = 404, description = "No such card", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/warranty-cards/{number}")]
pub async fn get_card(
    state: web::Data<AppState>,
    _: Authorized<need::ViewCatalogue>,
    number: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let card = warranty_cards::find(&state.db, &card_key(&number)?).await.or_not_found("warranty card")?;
    Ok(HttpResponse::Ok().json(card_out(&card)))
}
