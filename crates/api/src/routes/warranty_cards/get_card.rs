use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::warranty_cards::CardDto;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::state::AppState;
use crate::use_cases::warranty_cards::get_card::get_card as use_case;

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
    Authorized(me, ..): Authorized<need::ViewCatalogue>,
    number: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(use_case(&state.db, &me, &number).await?))
}
