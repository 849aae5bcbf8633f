//! What the registry keeps around a unit: owners, component swaps, contracts and
//! the events of its life.
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::entitlement::ContractKind;
use crate::serials::SerialUnitDto;
use crate::warranty::Leg;

/// A new owner from a day on; the previous owner's period ends that day.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "customer_id": "0193a4f2-7b1c-7cde-8f00-00000000c002", "from_date": "2027-05-01", "note": "sold with the flat"
})))]
#[serde(deny_unknown_fields)]
pub struct ChangeOwner {
    /// A customer of your part of the network.
    pub customer_id: Uuid,
    pub from_date: NaiveDate,
    #[serde(default)]
    #[validate(length(max = 400))]
    #[cfg_attr(feature = "openapi", schema(max_length = 400))]
    pub note: Option<String>,
}

/// One owner of a unit and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "customer_id": "0193a4f2-7b1c-7cde-8f00-00000000c001", "from_date": "2026-01-10", "to_date": "2027-05-01", "note": null
})))]
pub struct OwnershipDto {
    pub customer_id: Uuid,
    pub from_date: NaiveDate,
    /// The day the next owner took over; `null` for the current owner.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub to_date: Option<NaiveDate>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub note: Option<String>,
}

/// A component replaced in the unit.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "component_code": "compressor", "old_part_serial": "CMP-1180", "new_part_serial": "CMP-2291",
    "swapped_on": "2027-03-01", "reference": "RO-HN01-2027-000042"
})))]
#[serde(deny_unknown_fields)]
pub struct RecordSwap {
    /// A component of the unit's model.
    #[validate(length(min = 1, max = 32))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 32))]
    pub component_code: String,
    #[serde(default)]
    #[validate(length(max = 80))]
    #[cfg_attr(feature = "openapi", schema(max_length = 80))]
    pub old_part_serial: Option<String>,
    #[serde(default)]
    #[validate(length(max = 80))]
    #[cfg_attr(feature = "openapi", schema(max_length = 80))]
    pub new_part_serial: Option<String>,
    pub swapped_on: NaiveDate,
    /// The ticket or document that did the swap.
    #[validate(length(min = 1, max = 64), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64, pattern = r"[^\s\u0085]"))]
    pub reference: String,
    /// Days the new part is guaranteed; the `repair_warranty_days` of the unit's
    /// policy when absent.
    #[serde(default)]
    #[validate(range(max = 3650))]
    #[cfg_attr(feature = "openapi", schema(maximum = 3650))]
    pub warranty_days: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-00000000f101", "component_code": "compressor", "old_part_serial": "CMP-1180",
    "new_part_serial": "CMP-2291", "swapped_on": "2027-03-01", "reference": "RO-HN01-2027-000042",
    "warranty_days": 90, "created_at": "2027-03-01T10:00:00Z"
})))]
pub struct SwapDto {
    pub id: Uuid,
    pub component_code: String,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub old_part_serial: Option<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub new_part_serial: Option<String>,
    pub swapped_on: NaiveDate,
    pub reference: String,
    pub warranty_days: u32,
    pub created_at: DateTime<Utc>,
}

/// An extended warranty or service contract bought for the unit.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "reference": "EW-2027-0007", "kind": "extended_warranty", "legs": ["parts", "labour"],
    "starts_on": "2028-01-15", "ends_on": "2029-01-14", "component_codes": []
})))]
#[serde(deny_unknown_fields)]
pub struct AddContract {
    /// The contract number.
    #[validate(length(min = 1, max = 64), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64, pattern = r"[^\s\u0085]"))]
    pub reference: String,
    pub kind: ContractKind,
    #[validate(length(min = 1, max = 3))]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 3))]
    pub legs: Vec<Leg>,
    pub starts_on: NaiveDate,
    /// Last day of cover; not before `starts_on`.
    pub ends_on: NaiveDate,
    /// Only these components of the model; the whole unit when empty.
    #[serde(default)]
    #[validate(length(max = 50))]
    #[cfg_attr(feature = "openapi", schema(max_items = 50))]
    pub component_codes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-00000000f201", "reference": "EW-2027-0007", "kind": "extended_warranty",
    "legs": ["parts", "labour"], "starts_on": "2028-01-15", "ends_on": "2029-01-14", "component_codes": [],
    "created_at": "2027-12-20T09:00:00Z"
})))]
pub struct ContractDto {
    pub id: Uuid,
    pub reference: String,
    pub kind: ContractKind,
    pub legs: Vec<Leg>,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub component_codes: Vec<String>,
    pub created_at: DateTime<Utc>,
}

/// Something that happened to the unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "at": "2026-01-16T08:00:00Z", "kind": "registered", "actor_id": "0193a4f2-7b1c-7cde-8f00-000000000001", "details": {}
})))]
pub struct SerialEventDto {
    pub at: DateTime<Utc>,
    /// `registered`, `sale_recorded`, `delivered`, `installed`, `card_registered`,
    /// `manufacture_recorded`, `owner_changed`, `component_swapped`, `contract_added`.
    #[cfg_attr(feature = "openapi", schema(value_type = crate::vocab::SerialEventKind))]
    pub kind: String,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub actor_id: Option<Uuid>,
    pub details: serde_json::Value,
}

/// A unit with everything the registry knows of it; events oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SerialHistory {
    pub unit: SerialUnitDto,
    pub owners: Vec<OwnershipDto>,
    pub swaps: Vec<SwapDto>,
    pub contracts: Vec<ContractDto>,
    pub events: Vec<SerialEventDto>,
}
