//! Stock reports over the warehouses of the caller's branches: stock on hand, what
//! moved during a period, parts used for tickets, parts below their reorder point.
//! Values are in minor units of the part's `currency`; totals are per currency.
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

/// Which warehouses a report covers: all of your branches' by default.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct StockReportQuery {
    /// Only this branch's warehouses (in your part of the network).
    pub branch_id: Option<Uuid>,
    /// Only this warehouse (in your part of the network).
    pub warehouse_id: Option<Uuid>,
}

/// A period of days in each warehouse's branch's time zone, both days included
/// (at most 366 days), and which warehouses.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct StockPeriodQuery {
    /// The first day, e.g. `2026-03-01`.
    pub from: NaiveDate,
    /// The last day, included; not before `from`.
    pub to: NaiveDate,
    pub branch_id: Option<Uuid>,
    pub warehouse_id: Option<Uuid>,
}

/// How the parts-used report groups: per `ticket` (default) or per `technician`
/// (the ticket's technician).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PartsUsedGrouping {
    #[default]
    Ticket,
    Technician,
}

/// The parts-used report's period, grouping and warehouses.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct PartsUsedQuery {
    /// The first day, e.g. `2026-03-01`.
    pub from: NaiveDate,
    /// The last day, included; not before `from`.
    pub to: NaiveDate,
    /// `ticket` (default) or `technician`.
    #[cfg_attr(feature = "openapi", param(inline))]
    pub group_by: Option<PartsUsedGrouping>,
    pub branch_id: Option<Uuid>,
    pub warehouse_id: Option<Uuid>,
}

/// A part in a warehouse, named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StockReportPlace {
    pub warehouse_id: Uuid,
    pub warehouse_code: String,
    pub warehouse_name: String,
    pub part_id: Uuid,
    pub sku: String,
    pub part_name: String,
    /// The part's currency; every value of the line is in it.
    pub currency: String,
}

/// The stock of one part in one warehouse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StockOnHandLine {
    #[serde(flatten)]
    pub place: StockReportPlace,
    pub on_hand: i64,
    pub reserved: i64,
    pub available: i64,
    pub value_minor: i64,
    pub average_cost_minor: i64,
}

/// A warehouse's stock in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WarehouseStockTotal {
    pub warehouse_id: Uuid,
    pub warehouse_code: String,
    pub currency: String,
    pub on_hand: i64,
    pub reserved: i64,
    pub value_minor: i64,
}

/// Stock on hand per warehouse and part (parts with none left out), by warehouse
/// code and SKU, with each warehouse's totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StockOnHandReport {
    pub lines: Vec<StockOnHandLine>,
    pub totals: Vec<WarehouseStockTotal>,
}

/// What moved of a part in a warehouse by one kind of movement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MovementSummaryLine {
    #[serde(flatten)]
    pub place: StockReportPlace,
    /// The ledger's movement kind, e.g. `receipt`, `issue_to_ticket`.
    #[cfg_attr(feature = "openapi", schema(value_type = crate::vocab::MovementKind))]
    pub kind: String,
    /// Movements of this kind.
    pub count: i64,
    pub quantity_in: i64,
    pub quantity_out: i64,
    pub value_in_minor: i64,
    pub value_out_minor: i64,
}

/// A part in a warehouse over the period: closing = opening + in − out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PeriodPositionLine {
    #[serde(flatten)]
    pub place: StockReportPlace,
    pub opening_on_hand: i64,
    pub opening_value_minor: i64,
    pub quantity_in: i64,
    pub quantity_out: i64,
    pub value_in_minor: i64,
    pub value_out_minor: i64,
    pub closing_on_hand: i64,
    pub closing_value_minor: i64,
}

/// What moved during a period, from the ledger: per warehouse, part and kind; and
/// per warehouse and part, the stock at the start and the end of the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StockMovementsReport {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The time zones the days were taken in (each warehouse's branch's).
    pub time_zones: Vec<String>,
    pub movements: Vec<MovementSummaryLine>,
    pub positions: Vec<PeriodPositionLine>,
}

/// Parts used for a ticket (or by a technician) in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartsUsedLine {
    /// Absent when grouped by technician.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub ticket_id: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub ticket_number: Option<String>,
    /// The ticket's technician; absent when nobody is assigned.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub technician_id: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub technician_name: Option<String>,
    /// Tickets counted in the line.
    pub tickets: i64,
    pub currency: String,
    /// Units issued to the tickets.
    pub issued: i64,
    /// Units brought back unused.
    pub returned: i64,
    /// Issued minus returned.
    pub quantity: i64,
    /// What the used parts cost, in minor units of `currency`.
    pub value_minor: i64,
}

/// Parts issued to tickets net of unused returns during a period, from the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartsUsedReport {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub group_by: PartsUsedGrouping,
    pub lines: Vec<PartsUsedLine>,
}

/// An active part with less on hand than its reorder point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BelowReorderLine {
    pub part_id: Uuid,
    pub sku: String,
    pub name: String,
    pub on_hand: i64,
    pub reorder_point: i64,
    /// Reorder point minus on hand.
    pub shortfall: i64,
}

/// Active parts below their reorder point, counting the stock of all the covered
/// warehouses together (of one warehouse when `warehouse_id` is given), by SKU.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BelowReorderReport {
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub branch_id: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub warehouse_id: Option<Uuid>,
    pub lines: Vec<BelowReorderLine>,
}

/// Whose overdue old parts to list: all of your branches' by default.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct OverdueDefectiveQuery {
    /// Only this branch's tickets (in your part of the network).
    pub branch_id: Option<Uuid>,
}

/// An old part a technician still owes past its due time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OverdueDefectiveLine {
    pub defective_part_id: Uuid,
    pub ticket_id: Uuid,
    pub ticket_number: String,
    pub part_id: Uuid,
    pub sku: String,
    pub part_name: String,
    pub technician_id: Uuid,
    pub technician_name: String,
    pub quantity: i64,
    pub due_at: DateTime<Utc>,
    /// Whole days past the due time.
    pub days_overdue: i64,
}

/// Old parts owed past their due time, the longest overdue first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OverdueDefectiveReport {
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub branch_id: Option<Uuid>,
    pub lines: Vec<OverdueDefectiveLine>,
}
