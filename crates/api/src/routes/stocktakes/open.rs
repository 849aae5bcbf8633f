use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::stocktakes::{OpenStocktake, StocktakeDto};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::stocktakes::open::open;

/// Open a count sheet for a warehouse: the given parts, or every part the warehouse
/// has stock records of, each with what the books hold now (`expected`). A
/// warehouse has one open stocktake at a time (409 while another is open).
/// Discontinued parts may be counted: their stock is real until written off.
#[utoipa::path(
    post, path = "/api/v1/stocktakes", tag = "stock", operation_id = "open_stocktake",
    security(("bearer" = [])),
    request_body = OpenStocktake,
    responses(
        (status = 201, description = "Opened", body = StocktakeDto, headers(("Location" = String, description = "The sheet"))),
        (status = 409, description = "The warehouse already has an open stocktake", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/stocktakes")]
pub async fn open_stocktake(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::MoveStock>,
    request_id: RequestId,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<OpenStocktake>,
) -> Result<HttpResponse, ApiError> {
    let sheet = open(&state.db, &Actor::new(me, request_id, key), body).await?;
    Ok(reply::created_at(sheet, |v| format!("/api/v1/stocktakes/{}", v.id)))
}
