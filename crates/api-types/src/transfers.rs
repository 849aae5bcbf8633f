//! Stock transfers between warehouses (`/api/v1/transfers`): a draft lists parts
//! and quantities; shipping takes every line out of the source at once; the
//! destination receives what arrives; what never arrives is written down as missing.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

/// Where a transfer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "shipped"))]
#[serde(rename_all = "snake_case")]
pub enum TransferStatus {
    /// Being put together; nothing has moved.
    Draft,
    /// Out of the source; nothing received yet.
    Shipped,
    /// Some received, some still in transit.
    PartiallyReceived,
    /// Everything shipped was received.
    Received,
    /// Finished with a discrepancy: part of what was shipped never arrived.
    Closed,
}

/// A part and how many of it to move.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TransferLineInput {
    /// An active part; each part once per transfer.
    pub part_id: Uuid,
    #[validate(range(min = 1, max = 1_000_000))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1_000_000))]
    pub quantity: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "from_warehouse_id": "0193a4f2-7b1c-7cde-8f00-0000000000a1",
    "to_warehouse_id": "0193a4f2-7b1c-7cde-8f00-0000000000a2",
    "lines": [{"part_id": "0193a4f2-7b1c-7cde-8f00-0000000000b1", "quantity": 2}],
    "note": "restock for the weekend"
})))]
#[serde(deny_unknown_fields)]
pub struct CreateTransfer {
    /// An open warehouse of your part of the network.
    pub from_warehouse_id: Uuid,
    /// Any open warehouse of the network other than the source.
    pub to_warehouse_id: Uuid,
    /// 1 to 200 lines.
    #[validate(length(min = 1, max = 200), nested)]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 200))]
    pub lines: Vec<TransferLineInput>,
    #[serde(default)]
    #[validate(length(min = 1, max = 500), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 500, pattern = r"[^\s\u0085]"))]
    pub note: Option<String>,
}

/// What arrived of one part.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TransferReceiptLine {
    /// A part on the transfer.
    pub part_id: Uuid,
    /// At most what is still in transit.
    #[validate(range(min = 1, max = 1_000_000))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1_000_000))]
    pub quantity: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "lines": [{"part_id": "0193a4f2-7b1c-7cde-8f00-0000000000b1", "quantity": 1}]
})))]
#[serde(deny_unknown_fields)]
pub struct ReceiveTransfer {
    /// Each part at most once.
    #[validate(length(min = 1, max = 200), nested)]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 200))]
    pub lines: Vec<TransferReceiptLine>,
}

/// What never arrived of one part, and why it is thought lost.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MissingLine {
    /// A part on the transfer with units still in transit.
    pub part_id: Uuid,
    /// Exactly what is still in transit of this part.
    #[validate(range(min = 1, max = 1_000_000))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1_000_000))]
    pub missing: i64,
    #[validate(length(min = 1, max = 500), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 500, pattern = r"[^\s\u0085]"))]
    pub note: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "lines": [{"part_id": "0193a4f2-7b1c-7cde-8f00-0000000000b1", "missing": 1, "note": "box crushed, unit lost in transit"}]
})))]
#[serde(deny_unknown_fields)]
pub struct CloseTransfer {
    /// Every part still in transit, once.
    #[validate(length(min = 1, max = 200), nested)]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 200))]
    pub lines: Vec<MissingLine>,
}

/// One line: shipped = received + in transit + missing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TransferLineDto {
    pub part_id: Uuid,
    /// Asked for on the draft.
    pub quantity: i64,
    pub shipped: i64,
    pub received: i64,
    pub in_transit: i64,
    /// Written down as never arrived.
    pub missing: i64,
    /// The moving-average cost (minor units of the part's currency) the units left
    /// the source at, and arrive at; absent before shipping.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub shipped_unit_cost_minor: Option<i64>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub discrepancy_note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TransferDto {
    pub id: Uuid,
    /// `TR-HN01-2026-000001`: source branch, year, sequence without gaps.
    pub number: String,
    pub from_warehouse_id: Uuid,
    pub to_warehouse_id: Uuid,
    pub status: TransferStatus,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub note: Option<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub shipped_by: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub shipped_at: Option<DateTime<Utc>>,
    /// When the last unit arrived or the rest was written down as missing.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub received_at: Option<DateTime<Utc>>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub closed_by: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub closed_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    /// Increases on every step; send it back as `If-Match` to act on what you saw.
    pub version: i64,
    pub lines: Vec<TransferLineDto>,
}

/// Filters for `GET /api/v1/transfers`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct TransferQuery {
    pub status: Option<TransferStatus>,
    /// Transfers out of or into this warehouse.
    pub warehouse_id: Option<Uuid>,
    /// `true`: shipped and not yet fully received; `false`: the others.
    pub in_transit: Option<bool>,
    /// 1 to 200; 50 when absent.
    #[validate(range(min = 1, max = 200))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page.
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub cursor: Option<String>,
}
