use actix_web::{HttpResponse, put, web};
use aftersales_api_types::Problem;
use aftersales_api_types::stocktakes::{StocktakeCounts, StocktakeDto};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::stocktakes::count::count;

/// Record counts on an open sheet (a part counted again takes the new count). A
/// part not yet on the sheet, found on the shelf, is added with what the books
/// hold now. A part that does not exist is 422 naming its line; a closed sheet 409.
#[utoipa::path(
    put, path = "/api/v1/stocktakes/{id}/counts", tag = "stock", operation_id = "count_stocktake",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Stocktake id")),
    request_body = StocktakeCounts,
    responses(
        (status = 200, description = "Counted; the sheet as it is now", body = StocktakeDto),
        (status = 404, description = "No such stocktake in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The stocktake is posted or cancelled", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/api/v1/stocktakes/{id}/counts")]
pub async fn count_stocktake(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::MoveStock>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<StocktakeCounts>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(count(&state.db, &Actor::once(me, request_id), *id, body).await?))
}
