//! Orders from e-commerce platforms (`/api/v1/orders`): the sold units they
//! register, the installation tickets they open, their marketplace lifecycle,
//! and the returns and exchanges asked for on them.
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::tickets::IntakeCustomer;
use crate::vocab::closed_set;

pub use crate::order_returns::*;

closed_set!(
    /// Where an order is in the marketplace lifecycle.
    OrderStatus, "delivered" {
        New = "new",
        Confirmed = "confirmed",
        Shipped = "shipped",
        Delivered = "delivered",
        CancellationRequested = "cancellation_requested",
        CancellationAccepted = "cancellation_accepted",
        Cancelled = "cancelled",
        ReturnRequested = "return_requested",
        ReturnAccepted = "return_accepted",
        Returned = "returned",
        ExchangeRequested = "exchange_requested",
        ExchangeAccepted = "exchange_accepted",
        Exchanged = "exchanged",
    }
);

/// One sold unit of an order.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"model_id": "0193a4f2-7b1c-7cde-8f00-0000000000a1", "serial": "K3J-00042"})))]
#[serde(deny_unknown_fields)]
pub struct OrderLineInput {
    pub model_id: Uuid,
    /// The unit's serial, when the platform knows it; otherwise sent later with a
    /// status change (usually `shipped`). A known serial registers the unit.
    #[serde(default)]
    #[validate(length(min = 1, max = 64))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64, pattern = r"[A-Za-z0-9]"))]
    pub serial: Option<String>,
}

/// An order a platform sold. Its units are registered with the order's dates, so
/// their warranties run; a model that needs installing gets an installation ticket.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "external_reference": "SHOPEE-240601-0042", "status": "delivered", "ordered_on": "2026-06-01",
    "delivered_on": "2026-06-03",
    "customer": {"kind": "individual", "name": "Nguyễn Thị Lan", "phones": [{"number": "0912345678", "kind": "mobile"}]},
    "installation_address": "12 Phố Huế, Hai Bà Trưng, Hà Nội",
    "lines": [{"model_id": "0193a4f2-7b1c-7cde-8f00-0000000000a1", "serial": "K3J-00042"}]
})))]
#[serde(deny_unknown_fields)]
pub struct CreateOrder {
    /// The platform that sold it. A platform's key may leave it out (it is the key's
    /// partner); staff must give it.
    #[serde(default)]
    pub partner_id: Option<Uuid>,
    /// The branch that serves the order; the partner's branch when absent.
    #[serde(default)]
    pub branch_id: Option<Uuid>,
    /// The platform's order number, unique per platform; the sold units carry it
    /// as their sale document.
    #[validate(length(min = 1, max = 64), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64, pattern = r"\S"))]
    pub external_reference: String,
    /// Where the order is: `new`, `confirmed`, `shipped` or `delivered`.
    #[serde(default = "new_status")]
    pub status: OrderStatus,
    pub ordered_on: NaiveDate,
    /// Required when the status is `delivered`.
    #[serde(default)]
    pub delivered_on: Option<NaiveDate>,
    /// An existing customer, or `customer`: found by phone or e-mail among the
    /// branch's customers, registered when new.
    #[serde(default)]
    pub customer_id: Option<Uuid>,
    #[serde(default)]
    #[validate(nested)]
    pub customer: Option<IntakeCustomer>,
    #[serde(default)]
    #[validate(length(max = 400))]
    #[cfg_attr(feature = "openapi", schema(max_length = 400))]
    pub installation_address: Option<String>,
    #[validate(length(min = 1, max = 50), nested)]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 50))]
    pub lines: Vec<OrderLineInput>,
}

fn new_status() -> OrderStatus {
    OrderStatus::New
}

/// A serial learned later for a line of the order.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LineSerial {
    /// The line's number (1 for the first line sent).
    #[validate(range(min = 1, max = 50))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 50))]
    pub line_no: u32,
    #[validate(length(min = 1, max = 64))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64, pattern = r"[A-Za-z0-9]"))]
    pub serial: String,
}

/// A status message from the platform: the order moves one step of its lifecycle.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "status": "delivered", "delivered_on": "2026-06-03", "serials": [{"line_no": 1, "serial": "K3J-00042"}]
})))]
#[serde(deny_unknown_fields)]
pub struct ChangeOrderStatus {
    /// The next status. Returns and exchanges are asked for with `POST …/returns`,
    /// and end with the network's decision, not with a status message.
    pub status: OrderStatus,
    #[serde(default)]
    #[validate(length(max = 500))]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub note: Option<String>,
    /// Required when the status becomes `delivered`.
    #[serde(default)]
    pub delivered_on: Option<NaiveDate>,
    /// Serials of lines sent without one: their units are registered now.
    #[serde(default)]
    #[validate(length(max = 50), nested)]
    #[cfg_attr(feature = "openapi", schema(max_items = 50))]
    pub serials: Vec<LineSerial>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderLineDto {
    pub id: Uuid,
    pub line_no: u32,
    pub model_id: Uuid,
    pub serial: Option<String>,
    /// The registered unit (`/api/v1/serials/{id}`), once its serial is known.
    pub serial_id: Option<Uuid>,
    /// The installation ticket the unit's model needed.
    pub installation_ticket_id: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderEventDto {
    /// `null` for the order's first status.
    pub from_status: Option<OrderStatus>,
    pub to_status: OrderStatus,
    pub note: Option<String>,
    pub actor_id: Option<Uuid>,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-0000000000e0", "partner_id": "0193a4f2-7b1c-7cde-8f00-1234567890ab",
    "partner_name": "Shopee Mall", "branch_id": "0193a4f2-7b1c-7cde-8f00-0000000000bb",
    "external_reference": "SHOPEE-240601-0042", "customer_id": "0193a4f2-7b1c-7cde-8f00-0000000000cc",
    "customer_name": "Nguyễn Thị Lan", "status": "delivered",
    "next_statuses": [], "returnable": true, "ordered_on": "2026-06-01",
    "delivered_on": "2026-06-03", "installation_address": "12 Phố Huế, Hai Bà Trưng, Hà Nội",
    "lines": [{"id": "0193a4f2-7b1c-7cde-8f00-0000000000e2", "line_no": 1, "model_id": "0193a4f2-7b1c-7cde-8f00-0000000000a1",
        "serial": "K3J-00042", "serial_id": "0193a4f2-7b1c-7cde-8f00-0000000000a2", "installation_ticket_id": null}],
    "history": [{"from_status": null, "to_status": "delivered", "note": null, "actor_id": null, "at": "2026-06-03T02:00:00Z"}],
    "returns": [], "created_at": "2026-06-03T02:00:00Z", "updated_at": "2026-06-03T02:00:00Z", "version": 1
})))]
pub struct OrderDto {
    pub id: Uuid,
    pub partner_id: Uuid,
    /// The platform's name, to show.
    pub partner_name: String,
    pub branch_id: Uuid,
    pub external_reference: String,
    pub customer_id: Uuid,
    /// The buyer's name, to show.
    pub customer_name: String,
    pub status: OrderStatus,
    /// The statuses a status message may move the order to now (returns and
    /// exchanges are asked for with `POST …/returns` instead).
    pub next_statuses: Vec<OrderStatus>,
    /// A return or exchange may be asked for now.
    pub returnable: bool,
    pub ordered_on: NaiveDate,
    pub delivered_on: Option<NaiveDate>,
    pub installation_address: Option<String>,
    pub lines: Vec<OrderLineDto>,
    /// Every status the order had, oldest first.
    pub history: Vec<OrderEventDto>,
    pub returns: Vec<OrderReturnDto>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Increases on every change; send it back as `If-Match` to change the status safely.
    pub version: i64,
}

/// An order as listed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderSummaryDto {
    pub id: Uuid,
    pub partner_id: Uuid,
    /// The platform's name, to show.
    pub partner_name: String,
    pub branch_id: Uuid,
    pub external_reference: String,
    pub customer_id: Uuid,
    /// The buyer's name, to show.
    pub customer_name: String,
    pub status: OrderStatus,
    pub ordered_on: NaiveDate,
    pub delivered_on: Option<NaiveDate>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

/// Filters for `GET /api/v1/orders`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct OrderQuery {
    pub partner_id: Option<Uuid>,
    pub status: Option<OrderStatus>,
    /// The platform's order number, exactly.
    #[validate(length(min = 1, max = 64))]
    #[cfg_attr(feature = "openapi", param(min_length = 1, max_length = 64))]
    pub external_reference: Option<String>,
    pub customer_id: Option<Uuid>,
    /// 1 to 200; 50 when absent.
    #[validate(range(min = 1, max = 200))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page.
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub cursor: Option<String>,
}
