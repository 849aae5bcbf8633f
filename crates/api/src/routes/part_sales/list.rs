use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::part_sales::{PartSaleDto, PartSaleQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::part_sales::list;

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
    Ok(HttpResponse::Ok().json(list::list(&state.db, &me, query).await?))
}
