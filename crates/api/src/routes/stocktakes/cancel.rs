use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::stocktakes::StocktakeDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::RequestId;
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::stocktakes::cancel::cancel;

/// Close an open sheet without adjusting anything; the warehouse may then open another.
#[utoipa::path(
    post, path = "/api/v1/stocktakes/{id}/cancel", tag = "stock", operation_id = "cancel_stocktake",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Stocktake id")),
    responses(
        (status = 200, description = "Cancelled", body = StocktakeDto),
        (status = 404, description = "No such stocktake in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The stocktake is already posted or cancelled", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/stocktakes/{id}/cancel")]
pub async fn cancel_stocktake(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::MoveStock>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(reply::once(StatusCode::OK, cancel(&state.db, &Actor::new(me, request_id, key), *id).await?))
}
