use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::transfers::{TransferDto, TransferQuery};
use aftersales_persistence::transfers::{self, TransferFilter};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::pagination;
use crate::state::AppState;
use crate::use_cases::transfers::{status_in, transfer_out};

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
    let limit = pagination::limit(query.limit);
    let filter = TransferFilter {
        status: query.status.map(status_in),
        warehouse_id: query.warehouse_id,
        in_transit: query.in_transit,
        before_id: pagination::decode_id_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = transfers::list(&state.db, &me.scope, filter).await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, |t| t.id.to_string(), transfer_out)))
}
