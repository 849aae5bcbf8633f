//! Stocktakes: a count sheet of a warehouse, counted, then posted so that the
//! books show what was counted.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

/// Opens a count sheet. A warehouse has at most one open at a time.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "warehouse_id": "0193a4f2-7b1c-7cde-8f00-0000000000a1", "note": "year-end count"
})))]
#[serde(deny_unknown_fields)]
pub struct OpenStocktake {
    pub warehouse_id: Uuid,
    /// The parts to count; every part the warehouse has stock records of when absent.
    #[serde(default)]
    #[validate(length(min = 1, max = 2000))]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 2000))]
    pub part_ids: Option<Vec<Uuid>>,
    #[serde(default)]
    #[validate(length(min = 1, max = 1000), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000, pattern = r"[^\s\u0085]"))]
    pub note: Option<String>,
}

/// Counts to record; a count sent again replaces the earlier one. A part not yet
/// on the sheet (found on the shelf) is added.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "lines": [{"part_id": "0193a4f2-7b1c-7cde-8f00-0000000000b1", "counted": 7}]
})))]
#[serde(deny_unknown_fields)]
pub struct StocktakeCounts {
    #[validate(length(min = 1, max = 500), nested)]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 500))]
    pub lines: Vec<CountLine>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CountLine {
    pub part_id: Uuid,
    #[validate(range(min = 0, max = 10_000_000))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 10_000_000))]
    pub counted: i64,
}

/// `counting` (open), `posted` (the books adjusted) or `cancelled`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StocktakeStatus {
    Counting,
    Posted,
    Cancelled,
}

/// A count sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StocktakeDto {
    pub id: Uuid,
    pub branch_id: Uuid,
    pub warehouse_id: Uuid,
    pub status: StocktakeStatus,
    pub started_by: Uuid,
    pub started_at: DateTime<Utc>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub posted_by: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub posted_at: Option<DateTime<Utc>>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub cancelled_by: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub cancelled_at: Option<DateTime<Utc>>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub note: Option<String>,
    /// Increases on every change.
    pub version: i64,
    /// By part; empty in lists.
    pub lines: Vec<StocktakeLineDto>,
}

/// One part on the sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StocktakeLineDto {
    pub part_id: Uuid,
    pub sku: String,
    pub name: String,
    /// The currency of the variance's value.
    pub currency: String,
    /// On hand when the part was put on the sheet.
    pub expected: i64,
    /// Absent until counted.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub counted: Option<i64>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub counted_by: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub counted_at: Option<DateTime<Utc>>,
    /// On hand now; once posted, on hand just before the adjustment.
    pub on_hand: i64,
    /// Promised to tickets now (a count cannot be posted below it).
    pub reserved: i64,
    /// Counted less on hand: what posting moves (or moved). Absent until counted.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub variance: Option<i64>,
    /// The variance at the moving-average cost, in minor units of `currency`; once
    /// posted, what the adjustment changed the stock's value by.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub variance_value_minor: Option<i64>,
    /// The `stocktake_adjustment` movement, once posted (none when nothing differed).
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub movement_id: Option<Uuid>,
}

/// Which sheets to list, newest first.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct StocktakeQuery {
    pub warehouse_id: Option<Uuid>,
    #[cfg_attr(feature = "openapi", param(inline))]
    pub status: Option<StocktakeStatus>,
    /// 1 to 200; 50 when absent.
    #[validate(range(min = 1, max = 200))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u32>,
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub cursor: Option<String>,
}
