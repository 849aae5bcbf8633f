//! Old parts taken out of units on tickets, owed back by the technician and handed
//! in to a defective-parts warehouse.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::stock::{MovementDto, StockDto};

/// `owed` (the technician has it), `received` (in a defective-parts warehouse),
/// `shipped` (back to the manufacturer), `written_off` or `scrapped`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "owed"))]
#[serde(rename_all = "snake_case")]
pub enum DefectiveStatus {
    Owed,
    Received,
    Shipped,
    WrittenOff,
    Scrapped,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-00000000f001", "ticket_id": "0193a4f2-7b1c-7cde-8f00-00000000c001",
    "ticket_number": "RO-HN01-2026-000001", "part_id": "0193a4f2-7b1c-7cde-8f00-0000000000b1",
    "part_sku": "DK-CMP-FTKB", "part_name": "Compressor FTKB", "brand_id": "0193a4f2-7b1c-7cde-8f00-0000000000d1",
    "technician_id": "0193a4f2-7b1c-7cde-8f00-00000000e001", "technician_name": "Nguyễn Văn An",
    "branch_id": "0193a4f2-7b1c-7cde-8f00-000000000101",
    "quantity": 1, "due_at": "2026-01-15T09:00:00Z", "overdue": false, "status": "owed",
    "received_warehouse_id": null, "received_at": null, "rtv_shipment_id": null, "closed_at": null,
    "close_reason": null, "created_at": "2026-01-01T09:00:00Z", "version": 1
})))]
pub struct DefectivePartDto {
    pub id: Uuid,
    pub ticket_id: Uuid,
    pub ticket_number: String,
    pub part_id: Uuid,
    pub part_sku: String,
    pub part_name: String,
    /// The part's brand: the manufacturer the old part goes back to.
    pub brand_id: Uuid,
    /// Who owes it back.
    pub technician_id: Uuid,
    pub technician_name: String,
    /// The ticket's branch.
    pub branch_id: Uuid,
    pub quantity: i64,
    /// When it must be handed in.
    pub due_at: DateTime<Utc>,
    /// Still owed and past `due_at`.
    pub overdue: bool,
    pub status: DefectiveStatus,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub received_warehouse_id: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub received_at: Option<DateTime<Utc>>,
    /// The return-to-vendor shipment that took it, once shipped.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub rtv_shipment_id: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub closed_at: Option<DateTime<Utc>>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub close_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub version: i64,
}

/// Filters of the list of old parts; all optional and combined with AND.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct DefectivePartQuery {
    pub status: Option<DefectiveStatus>,
    pub technician_id: Option<Uuid>,
    /// `true`: still owed and past due; `false`: all the others.
    pub overdue: Option<bool>,
    pub branch_id: Option<Uuid>,
    /// 1 to 200; 50 when absent.
    #[validate(range(min = 1, max = 200))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u32>,
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub cursor: Option<String>,
}

/// Which branch's arrears to show.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct ArrearsQuery {
    pub branch_id: Option<Uuid>,
}

/// What one technician owes past its due time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "technician_id": "0193a4f2-7b1c-7cde-8f00-00000000e001", "technician_name": "Nguyễn Văn An", "count": 2, "quantity": 3,
    "oldest_due_at": "2026-01-15T09:00:00Z"
})))]
pub struct TechnicianArrearsDto {
    pub technician_id: Uuid,
    pub technician_name: String,
    /// Overdue records of old parts.
    pub count: u64,
    /// Overdue parts, one by one.
    pub quantity: i64,
    pub oldest_due_at: DateTime<Utc>,
}

/// Hand in an old part to a defective-parts warehouse.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"warehouse_id": "0193a4f2-7b1c-7cde-8f00-0000000000a5"})))]
#[serde(deny_unknown_fields)]
pub struct ReceiveDefectivePart {
    /// A defective-parts warehouse of your part of the network.
    pub warehouse_id: Uuid,
}

/// The old part handed in, its ledger row and the quarantine's stock after it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DefectiveReceipt {
    pub defective_part: DefectivePartDto,
    pub movement: MovementDto,
    pub stock: StockDto,
}
