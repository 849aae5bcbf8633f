use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::part_sales::PartSaleDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::state::AppState;
use crate::use_cases::part_sales::get;

/// One counter sale with its lines, prices, costs and margin; another branch's is 404.
#[utoipa::path(
    get, path = "/api/v1/part-sales/{id}", tag = "stock", operation_id = "get_part_sale",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Sale id")),
    responses(
        (status = 200, description = "The sale", body = PartSaleDto),
        (status = 404, description = "No such sale in your part of the network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/part-sales/{id}")]
pub async fn get_part_sale(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(get::get(&state.db, &me, *id).await?))
}
