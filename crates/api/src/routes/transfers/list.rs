use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::transfers::{TransferDto, TransferQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::transfers::list::list;

/// Transfers out of or into your part of the network, newest first: by status,
/// by warehouse (either end), or those still in transit.
#[utoipa::path(
    get, path = "/api/v1/transfers", tag = "transfers", operation_id = "list_transfers",
    security(("bearer" = [])),
    params(TransferQuery),
    responses((status = 200, description = "One page of transfers", body = Page<TransferDto>)),
)]
#[get("/api/v1/transfers")]
pub async fn list_transfers(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    ValidatedQuery(query): ValidatedQuery<TransferQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(list(&state.db, &me, query).await?))
}
