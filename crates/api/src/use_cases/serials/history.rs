//! Everything known of a unit, by the serial printed on it.
use aftersales_api_types::serial_records::SerialHistory;
use aftersales_api_types::serials::HistoryQuery;
use aftersales_domain::access::Permission;
use aftersales_domain::serials::normalize_serial;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::serials::{self, contracts, events, owners, swaps};

use crate::auth::Principal;
use crate::error::ApiError;
use crate::serial_dto;

/// Brands that print the same serial: more is not a lookup.
const MAX_UNITS: u32 = 20;

/// Each unit with this serial (one per brand; `brand_id` picks one) with its facts,
/// owners, component swaps, contracts and events, oldest first; 404 when none has it.
pub async fn history(
    db: &DatabaseConnection,
    me: &Principal,
    serial: &str,
    query: HistoryQuery,
) -> Result<Vec<SerialHistory>, ApiError> {
    me.require(Permission::ViewCatalogue)?;
    // A serial that cannot be written is one no unit has.
    let Some(serial_key) = normalize_serial(serial) else { return Err(ApiError::not_found("unit")) };
    let lookup = serials::UnitLookup {
        serial_key: Some(serial_key),
        brand_id: query.brand_id,
        limit: MAX_UNITS,
        ..Default::default()
    };
    let units = serials::lookup(db, lookup).await?;
    if units.is_empty() {
        return Err(ApiError::not_found("unit"));
    }
    let mut out = Vec::with_capacity(units.len());
    for unit in &units {
        out.push(SerialHistory {
            unit: serial_dto::unit_out(unit),
            owners: owners::of_unit(db, unit.id.uuid()).await?.iter().map(serial_dto::ownership_out).collect(),
            swaps: swaps::of_unit(db, unit.id.uuid()).await?.iter().map(serial_dto::swap_out).collect(),
            contracts: contracts::of_unit(db, unit.id.uuid()).await?.iter().map(serial_dto::contract_out).collect(),
            events: events::of_unit(db, unit.id.uuid()).await?.iter().map(serial_dto::event_out).collect(),
        });
    }
    Ok(out)
}
