use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::transfers::TransferDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::etag;
use crate::state::AppState;
use crate::use_cases::transfers::get::get;

/// One transfer out of or into your part of the network, with what was shipped,
/// received, is still in transit and went missing on each line; another's is 404.
#[utoipa::path(
    get, path = "/api/v1/transfers/{id}", tag = "transfers", operation_id = "get_transfer",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Transfer id")),
    responses(
        (status = 200, description = "The transfer", body = TransferDto, headers(("ETag" = String, description = "Version, for If-Match"))),
        (status = 404, description = "No such transfer in your part of the network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/transfers/{id}")]
pub async fn get_transfer(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let transfer = get(&state.db, &me, *id).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(transfer.version))).json(transfer))
}
