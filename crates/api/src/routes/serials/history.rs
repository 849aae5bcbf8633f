use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::serial_records::SerialHistory;
use aftersales_api_types::serials::HistoryQuery;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::serials::history::history;

/// Everything known of a unit, by the serial printed on it.
///
/// Answers each unit with this serial (one per brand; give `brand_id` to pick one)
/// with its facts, owners, component swaps, contracts and events, oldest first.
#[utoipa::path(
    get, path = "/api/v1/serials/{serial}/history", tag = "serials", operation_id = "serial_history",
    security(("bearer" = [])),
    params(("serial" = String, Path, description = "The serial as printed, in any case and with any separators"), HistoryQuery),
    responses(
        (status = 200, description = "The units with this serial and their histories", body = Vec<SerialHistory>),
        (status = 404, description = "No unit has this serial", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/serials/{serial}/history")]
pub async fn serial_history(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewCatalogue>,
    serial: web::Path<String>,
    ValidatedQuery(query): ValidatedQuery<HistoryQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(history(&state.db, &me, &serial, query).await?))
}
