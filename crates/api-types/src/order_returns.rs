//! Returns and exchanges asked for on an order's units (`POST
//! /api/v1/orders/{id}/returns`), the network's decision on them (`POST
//! /api/v1/order-returns/{id}/decision`), and the units kept in a returns
//! warehouse.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::vocab::closed_set;

closed_set!(
    /// What the customer asked for when the unit came back.
    ReturnKind, "return" {
        Return = "return",
        Exchange = "exchange",
    }
);

closed_set!(
    /// How the network decided a return or exchange after inspecting the unit.
    ReturnOutcome, "refund" {
        /// The money back; the unit goes to a returns warehouse.
        Refund = "refund",
        /// Another unit (`exchange_serial`); the returned one goes to a returns warehouse.
        Exchange = "exchange",
        /// The unit is repaired and handed back.
        Repair = "repair",
        /// Refused; the unit is handed back.
        Rejected = "rejected",
    }
);

/// A return or exchange asked for on one unit of a delivered order.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"line_no": 1, "kind": "exchange", "reason": "Does not cool"})))]
#[serde(deny_unknown_fields)]
pub struct RequestReturn {
    #[validate(range(min = 1, max = 50))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 50))]
    pub line_no: u32,
    pub kind: ReturnKind,
    #[validate(length(min = 1, max = 1000), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000, pattern = r"\S"))]
    pub reason: String,
}

/// The network's decision on a return or exchange, after inspecting the unit.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "outcome": "exchange", "warehouse_id": "0193a4f2-7b1c-7cde-8f00-0000000000c1", "exchange_serial": "K3J-00077",
    "note": "Compressor noise confirmed"
})))]
#[serde(deny_unknown_fields)]
pub struct DecideReturn {
    pub outcome: ReturnOutcome,
    /// The returns warehouse the unit goes to: required for `refund` and `exchange`.
    #[serde(default)]
    pub warehouse_id: Option<Uuid>,
    /// The serial of the unit given in exchange: required for `exchange`.
    #[serde(default)]
    #[validate(length(min = 1, max = 64))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64, pattern = r"[A-Za-z0-9]"))]
    pub exchange_serial: Option<String>,
    #[serde(default)]
    #[validate(length(max = 1000))]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-0000000000e1", "order_id": "0193a4f2-7b1c-7cde-8f00-0000000000e0",
    "line_id": "0193a4f2-7b1c-7cde-8f00-0000000000e2", "line_no": 1, "kind": "exchange", "reason": "Does not cool",
    "ticket_id": "0193a4f2-7b1c-7cde-8f00-0000000000e3", "outcome": null, "warehouse_id": null,
    "exchange_serial_id": null, "decision_note": null, "decided_at": null,
    "created_at": "2026-06-10T02:00:00Z", "version": 1
})))]
pub struct OrderReturnDto {
    pub id: Uuid,
    pub order_id: Uuid,
    pub line_id: Uuid,
    pub line_no: u32,
    pub kind: ReturnKind,
    pub reason: String,
    /// The return/exchange ticket the unit is inspected on.
    pub ticket_id: Uuid,
    /// `null` until decided.
    pub outcome: Option<ReturnOutcome>,
    pub warehouse_id: Option<Uuid>,
    pub exchange_serial_id: Option<Uuid>,
    pub decision_note: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// Send it back as `If-Match` to decide safely.
    pub version: i64,
}

/// Filters for `GET /api/v1/warehouses/{id}/returned-units`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct ReturnedUnitsQuery {
    /// 1 to 200; 50 when absent.
    #[validate(range(min = 1, max = 200))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u32>,
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub cursor: Option<String>,
}
