//! Warranty cards: issued in numbered batches per brand, activated on a unit.
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "brand_id": "0193a4f2-7b1c-7cde-8f00-00000000b001", "prefix": "DK", "count": 500, "note": "Printed for the 2026 season"
})))]
#[serde(deny_unknown_fields)]
pub struct IssueCardBatch {
    pub brand_id: Uuid,
    /// 1–8 upper-case letters or digits, printed before every number of the batch.
    #[validate(length(min = 1, max = 8), custom(function = "crate::rules::code"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 8, pattern = "^[A-Z0-9]+$"))]
    pub prefix: String,
    #[validate(range(min = 1, max = 10000))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 10000))]
    pub count: u32,
    #[serde(default)]
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-00000000f001", "brand_id": "0193a4f2-7b1c-7cde-8f00-00000000b001", "prefix": "DK",
    "count": 500, "first_number": "DK000000018", "last_number": "DK000005007", "note": null, "issued_at": "2026-01-01T00:00:00Z"
})))]
pub struct CardBatchDto {
    pub id: Uuid,
    pub brand_id: Uuid,
    pub prefix: String,
    pub count: u32,
    pub first_number: String,
    pub last_number: String,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub note: Option<String>,
    pub issued_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "issued"))]
#[serde(rename_all = "snake_case")]
pub enum CardStatus {
    Issued,
    Activated,
    Void,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "number": "DK000000018", "batch_id": "0193a4f2-7b1c-7cde-8f00-00000000f001", "brand_id": "0193a4f2-7b1c-7cde-8f00-00000000b001",
    "status": "activated", "serial_id": "0193a4f2-7b1c-7cde-8f00-00000000e001", "activated_on": "2026-03-01"
})))]
pub struct CardDto {
    pub number: String,
    pub batch_id: Uuid,
    pub brand_id: Uuid,
    pub status: CardStatus,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub serial_id: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub activated_on: Option<NaiveDate>,
}

/// Activates a card on a unit: the unit's warranty may then count from this day.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"serial_id": "0193a4f2-7b1c-7cde-8f00-00000000e001", "activated_on": "2026-03-01"})))]
#[serde(deny_unknown_fields)]
pub struct ActivateCard {
    pub serial_id: Uuid,
    pub activated_on: NaiveDate,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"reason": "Damaged in printing"})))]
#[serde(deny_unknown_fields)]
pub struct VoidCard {
    #[validate(length(min = 1, max = 200), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200, pattern = r"[^\s\u0085]"))]
    pub reason: String,
}

/// Filters for `GET /api/v1/warranty-cards/batches`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct BatchQuery {
    pub brand_id: Option<Uuid>,
    #[validate(range(min = 1, max = 200))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u32>,
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub cursor: Option<String>,
}
