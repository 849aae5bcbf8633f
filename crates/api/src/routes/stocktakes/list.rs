use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::stocktakes::{StocktakeDto, StocktakeQuery, StocktakeStatus as WireStatus};
use aftersales_domain::stock::stocktake::StocktakeStatus;
use aftersales_persistence::stocktakes::{self, StocktakeFilter};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::pagination;
use crate::state::AppState;
use crate::use_cases::stocktakes::summary_out;

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
    let limit = pagination::limit(query.limit);
    let filter = StocktakeFilter {
        warehouse_id: query.warehouse_id,
        status: query.status.map(|s| match s {
            WireStatus::Counting => StocktakeStatus::Counting,
            WireStatus::Posted => StocktakeStatus::Posted,
            WireStatus::Cancelled => StocktakeStatus::Cancelled,
        }),
        before_id: pagination::decode_id_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = stocktakes::list(&state.db, &me.scope, filter).await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, |s| s.id.to_string(), summary_out)))
}
