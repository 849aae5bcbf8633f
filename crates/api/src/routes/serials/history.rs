use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::serial_records::SerialHistory;
use aftersales_api_types::serials::HistoryQuery;
use aftersales_domain::serials::normalize_serial;
use aftersales_persistence::serials::{self, contracts, events, owners, swaps};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::serial_dto;
use crate::state::AppState;

/// Brands that print the same serial: more is not a lookup.
const MAX_UNITS: u32 = 20;

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
    _: Authorized<need::ViewCatalogue>,
    serial: web::Path<String>,
    ValidatedQuery(query): ValidatedQuery<HistoryQuery>,
) -> Result<HttpResponse, ApiError> {
    let Some(serial_key) = normalize_serial(&serial) else { return Err(ApiError::not_found("unit")) };
    let lookup = serials::UnitLookup {
        serial_key: Some(serial_key),
        brand_id: query.brand_id,
        limit: MAX_UNITS,
        ..Default::default()
    };
    let units = serials::lookup(&state.db, lookup).await?;
    if units.is_empty() {
        return Err(ApiError::not_found("unit"));
    }
    let mut out = Vec::with_capacity(units.len());
    for unit in &units {
        out.push(SerialHistory {
            unit: serial_dto::unit_out(unit),
            owners: owners::of_unit(&state.db, unit.id).await?.iter().map(serial_dto::ownership_out).collect(),
            swaps: swaps::of_unit(&state.db, unit.id).await?.iter().map(serial_dto::swap_out).collect(),
            contracts: contracts::of_unit(&state.db, unit.id).await?.iter().map(serial_dto::contract_out).collect(),
            events: events::of_unit(&state.db, unit.id).await?.iter().map(serial_dto::event_out).collect(),
        });
    }
    Ok(HttpResponse::Ok().json(out))
}
