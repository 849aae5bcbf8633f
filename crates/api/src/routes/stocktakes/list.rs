use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::stocktakes::{StocktakeDto, StocktakeQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::stocktakes::list::list;

/// Count sheets of your part of the network, newest first, without their lines.
#[utoipa::path(
    get, path = "/api/v1/stocktakes", tag = "stock", operation_id = "list_stocktakes",
    security(("bearer" = [])),
    params(StocktakeQuery),
    responses((status = 200, description = "One page of stocktakes", body = Page<StocktakeDto>))
)]
#[get("/api/v1/stocktakes")]
pub async fn list_stocktakes(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    ValidatedQuery(query): ValidatedQuery<StocktakeQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(list(&state.db, &me, query).await?))
}
