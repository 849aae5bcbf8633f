//! Parts on a ticket: promised (reserved) and handed over (issued) from a
//! warehouse, then recorded as used, returned unused, or replaced (the old part owed
//! back), each charged to the manufacturer's claim or the customer's bill.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::defective_parts::DefectivePartDto;
use crate::service_items::Money;
use crate::stock::{MovementDto, StockDto};

/// Who pays for the parts used on a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "manufacturer"))]
#[serde(rename_all = "snake_case")]
pub enum ChargeTo {
    /// Claimed from the manufacturer under warranty.
    Manufacturer,
    /// Billed to the customer.
    Customer,
}

/// The ticket's parts of one kind from one warehouse.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-00000000d001", "ticket_id": "0193a4f2-7b1c-7cde-8f00-00000000c001",
    "part_id": "0193a4f2-7b1c-7cde-8f00-0000000000b1", "sku": "DK-CMP-FTKB", "name": "Inverter swing compressor",
    "component_code": "compressor", "warehouse_id": "0193a4f2-7b1c-7cde-8f00-0000000000a1",
    "reserved": 0, "issued": 2, "used": 1, "returned_unused": 1, "defective_returned": 1, "outstanding": 0,
    "issued_value": {"amount": "6400000", "currency": "VND"}, "unit_cost": {"amount": "3200000", "currency": "VND"},
    "charge_to": "manufacturer", "unit_price": {"amount": "4500000", "currency": "VND"},
    "used_total": {"amount": "4500000", "currency": "VND"},
    "updated_at": "2026-01-01T00:00:00Z", "version": 4
})))]
pub struct TicketPartLineDto {
    pub id: Uuid,
    pub ticket_id: Uuid,
    pub part_id: Uuid,
    pub sku: String,
    pub name: String,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub component_code: Option<String>,
    /// Where the parts come from, and where unused ones go back.
    pub warehouse_id: Uuid,
    /// Promised to the ticket, not yet issued.
    pub reserved: i64,
    pub issued: i64,
    /// Fitted into the unit.
    pub used: i64,
    /// Issued, not used, back on the shelf.
    pub returned_unused: i64,
    /// Old parts taken out of the unit (owed back by the technician).
    pub defective_returned: i64,
    /// Issued and not yet recorded as used or returned; the ticket completes only
    /// when every line's is 0.
    pub outstanding: i64,
    /// What the units issued cost at the warehouse's moving average.
    pub issued_value: Money,
    /// `issued_value` per unit issued, rounded.
    pub unit_cost: Money,
    /// From the ticket's warranty decision, as of the last change of the line.
    pub charge_to: ChargeTo,
    /// The part's selling price when the line was opened.
    pub unit_price: Money,
    /// `used` × `unit_price`.
    pub used_total: Money,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

/// The parts of a ticket and who pays for those used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketPartsDto {
    pub lines: Vec<TicketPartLineDto>,
    /// Parts used and billed to the customer, one exact total per currency.
    pub customer_totals: Vec<Money>,
    /// Parts used and claimed from the manufacturer, one exact total per currency.
    pub manufacturer_claim_totals: Vec<Money>,
    /// Units issued and not yet recorded as used or returned, over every line.
    pub outstanding: i64,
}

/// Units of a part from a warehouse, for the ticket.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "warehouse_id": "0193a4f2-7b1c-7cde-8f00-0000000000a1", "part_id": "0193a4f2-7b1c-7cde-8f00-0000000000b1",
    "quantity": 1
})))]
#[serde(deny_unknown_fields)]
pub struct TicketPartQuantity {
    pub warehouse_id: Uuid,
    pub part_id: Uuid,
    #[validate(range(min = 1, max = 10_000))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 10_000))]
    pub quantity: i64,
}

/// What became of parts issued to the ticket; each count adds to what is recorded.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "part_id": "0193a4f2-7b1c-7cde-8f00-0000000000b1", "used": 1, "returned_unused": 1, "defective": 1
})))]
#[serde(deny_unknown_fields)]
pub struct RecordPartOutcome {
    pub part_id: Uuid,
    /// The warehouse the parts were issued from; needed only when the part was
    /// issued from more than one.
    #[serde(default)]
    pub warehouse_id: Option<Uuid>,
    /// Fitted into the unit.
    #[serde(default)]
    #[validate(range(min = 0, max = 10_000))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 10_000))]
    pub used: i64,
    /// Not used: back on the shelf they came from.
    #[serde(default)]
    #[validate(range(min = 0, max = 10_000))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 10_000))]
    pub returned_unused: i64,
    /// Old parts taken out of the unit, owed back by the ticket's technician; at
    /// most one per part used.
    #[serde(default)]
    #[validate(range(min = 0, max = 10_000))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 10_000))]
    pub defective: i64,
}

/// A change to a ticket's parts: the line after it, the stock of its part in its
/// warehouse, the ledger rows written, and the old parts now owed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketPartChange {
    pub line: TicketPartLineDto,
    pub stock: StockDto,
    pub movements: Vec<MovementDto>,
    pub defective_parts: Vec<DefectivePartDto>,
}
