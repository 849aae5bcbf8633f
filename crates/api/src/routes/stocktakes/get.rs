use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::stocktakes::StocktakeDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::etag;
use crate::state::AppState;
use crate::use_cases::stocktakes::get::get;

/// A count sheet: per part what was expected at opening, what was counted, what is
/// on hand now (at posting, once posted), the variance and its value at the
/// moving-average cost. Another branch's sheet is 404.
#[utoipa::path(
    get, path = "/api/v1/stocktakes/{id}", tag = "stock", operation_id = "get_stocktake",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Stocktake id")),
    responses(
        (status = 200, description = "The sheet", body = StocktakeDto, headers(("ETag" = String, description = "Version"))),
        (status = 404, description = "No such stocktake in your part of the network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/stocktakes/{id}")]
pub async fn get_stocktake(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let sheet = get(&state.db, &me, *id).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(sheet.version))).json(sheet))
}
