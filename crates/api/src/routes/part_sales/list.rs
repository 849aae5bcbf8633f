use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::part_sales::{PartSaleDto, PartSaleQuery};
use aftersales_persistence::part_sales::{self, PartSaleFilter};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::pagination;
use crate::state::AppState;
use crate::use_cases::part_sales::sale_out;

/// Counter sales of your part of the network, newest first: of a warehouse, to a
/// customer, within a time range.
#[utoipa::path(
    get, path = "/api/v1/part-sales", tag = "stock", operation_id = "list_part_sales",
    security(("bearer" = [])),
    params(PartSaleQuery),
    responses((status = 200, description = "One page of sales", body = Page<PartSaleDto>))
)]
#[get("/api/v1/part-sales")]
pub async fn list_part_sales(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    ValidatedQuery(query): ValidatedQuery<PartSaleQuery>,
) -> Result<HttpResponse, ApiError> {
    let limit = pagination::limit(query.limit);
    let filter = PartSaleFilter {
        warehouse_id: query.warehouse_id,
        customer_id: query.customer_id,
        sold_from: query.sold_from,
        sold_to: query.sold_to,
        before_id: pagination::decode_id_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = part_sales::list(&state.db, &me.scope, filter).await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, |s| s.id.to_string(), sale_out)))
}
