use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::part_sales::{NewPartSale, PartSaleDto};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::part_sales::sell;
use crate::use_cases::{Actor, Once};

/// Sell parts over the counter from a warehouse, to a customer of your part of the
/// network or a walk-in buyer. Every line leaves the shelf as a `sale` movement in
/// one go: if any part is short, the answer is 409 naming it and how many are
/// available, and nothing is sold. Each line sells at the part's selling price; a
/// different `unit_price` or a `discount` needs a `price_reason`. Every part must
/// be priced in the sale's `currency`. Send an `Idempotency-Key` to make a retry safe.
#[utoipa::path(
    post, path = "/api/v1/part-sales", tag = "stock", operation_id = "create_part_sale",
    security(("bearer" = [])),
    request_body = NewPartSale,
    responses(
        (status = 201, description = "Sold", body = PartSaleDto, headers(("Location" = String, description = "The sale"))),
        (status = 409, description = "A part is short; the detail names it and how many are available", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/part-sales")]
pub async fn create_part_sale(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::MoveStock>,
    request_id: RequestId,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<NewPartSale>,
) -> Result<HttpResponse, ApiError> {
    let answer = sell::sell(&state.db, &Actor::new(me, request_id, key), body).await?;
    // A fresh sale says where it is; a replay answers what was kept, as it was sent.
    let location = match &answer {
        Once::Done(sale) => Some(format!("/api/v1/part-sales/{}", sale.id)),
        Once::Replayed(_) => None,
    };
    let mut response = reply::once(StatusCode::CREATED, answer);
    if let Some(location) = location.and_then(|l| HeaderValue::from_str(&l).ok()) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}
