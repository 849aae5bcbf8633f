//! Return-to-vendor shipments: old parts handed in to a defective-parts warehouse,
//! batched per manufacturer, shipped back, and written off when it acknowledges them;
//! and scrapping an old part not worth shipping.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::defective_parts::DefectivePartDto;
use crate::stock::MovementDto;

/// `draft` (being packed), `shipped` (the parts left), `acknowledged` (the
/// manufacturer confirmed; its parts are written off).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "shipped"))]
#[serde(rename_all = "snake_case")]
pub enum RtvStatus {
    Draft,
    Shipped,
    Acknowledged,
}

/// Pack old parts of one brand, handed in to one defective-parts warehouse.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "warehouse_id": "0193a4f2-7b1c-7cde-8f00-0000000000a5", "brand_id": "0193a4f2-7b1c-7cde-8f00-0000000000d1",
    "defective_part_ids": ["0193a4f2-7b1c-7cde-8f00-00000000f001"], "note": "monthly return"
})))]
#[serde(deny_unknown_fields)]
pub struct CreateRtvShipment {
    /// A defective-parts warehouse of your part of the network.
    pub warehouse_id: Uuid,
    /// The manufacturer the parts go back to; every part must be of this brand.
    pub brand_id: Uuid,
    /// Old parts handed in to that warehouse and in no other shipment, 1 to 200.
    #[validate(length(min = 1, max = 200))]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 200))]
    pub defective_part_ids: Vec<Uuid>,
    #[serde(default)]
    #[validate(length(min = 1, max = 1000), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000, pattern = r"[^\s\u0085]"))]
    pub note: Option<String>,
}

/// A reference to keep with a step: the carrier's tracking or the manufacturer's
/// return authorisation when shipping; its credit note when acknowledging.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"reference": "RMA-2026-0042"})))]
#[serde(deny_unknown_fields)]
pub struct RtvReference {
    #[validate(length(min = 1, max = 100), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100, pattern = r"[^\s\u0085]"))]
    pub reference: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RtvShipmentDto {
    pub id: Uuid,
    /// `RTV-HN01-2026-000001`
    pub number: String,
    pub branch_id: Uuid,
    pub warehouse_id: Uuid,
    pub brand_id: Uuid,
    pub status: RtvStatus,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub note: Option<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub ship_reference: Option<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub ack_reference: Option<String>,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub shipped_at: Option<DateTime<Utc>>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub acknowledged_at: Option<DateTime<Utc>>,
    /// Parts counted one by one.
    pub quantity: i64,
    /// The old parts in it (empty in lists).
    pub parts: Vec<DefectivePartDto>,
    pub version: i64,
}

/// Filters of the list of shipments; all optional and combined with AND.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct RtvShipmentQuery {
    #[cfg_attr(feature = "openapi", param(inline))]
    pub status: Option<RtvStatus>,
    pub brand_id: Option<Uuid>,
    pub warehouse_id: Option<Uuid>,
    /// 1 to 200; 50 when absent.
    #[validate(range(min = 1, max = 200))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u32>,
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub cursor: Option<String>,
}

/// Why an old part is scrapped instead of going back to the manufacturer.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"reason": "burnt beyond any claim"})))]
#[serde(deny_unknown_fields)]
pub struct ScrapDefectivePart {
    #[validate(length(min = 1, max = 500), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 500, pattern = r"[^\s\u0085]"))]
    pub reason: String,
}

/// The scrapped part and its ledger row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScrappedPart {
    pub defective_part: DefectivePartDto,
    pub movement: MovementDto,
}
