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
use crate::use_cases::stocktakes::post::post;

/// Post a counted sheet: every part whose count differs from what the books hold
/// *now* is adjusted with a `stocktake_adjustment` movement, so the books show the
/// count (parts issued or received during the count are not undone), and the sheet
/// closes. Refused with 409 while a part is not counted, or when a part is counted
/// below what is reserved for tickets (release those reservations first); nothing
/// is adjusted then. Of two people posting at once, one posts and the other gets 409.
#[utoipa::path(
    post, path = "/api/v1/stocktakes/{id}/post", tag = "stock", operation_id = "post_stocktake",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Stocktake id")),
    responses(
        (status = 200, description = "Posted; each line shows what it moved", body = StocktakeDto),
        (status = 404, description = "No such stocktake in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already closed, a part not counted, or a count below the reserved quantity; `errors` names each refused line (`lines[i].counted`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/stocktakes/{id}/post")]
pub async fn post_stocktake(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageParts>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(reply::once(StatusCode::OK, post(&state.db, &Actor::new(me, request_id, key), *id).await?))
}
