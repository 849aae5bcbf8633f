//! Service tickets: intake, the ticket as read, changes, stage transitions, the timeline.
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::customers::{AddressDto, CustomerKind, EmailDto, PhoneInput};
use crate::entitlement::Decision;
use crate::users::Locale;

pub use crate::ticket_changes::*;

macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident, $example:literal { $($variant:ident),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[cfg_attr(feature = "openapi", schema(example = $example))]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),* }
    };
}

wire_enum!(
    /// What the customer asked for; each kind has its own workflow and number series.
    TicketKind, "repair" { Repair, Installation, Maintenance, ReturnExchange }
);
wire_enum!(
    /// How the request reached us.
    Channel, "counter" { Counter, Phone, PartnerApi, SelfService, Ecommerce }
);
wire_enum!(
    /// Sent down by the manufacturer or a centre (`dispatched`), or taken in by the branch itself.
    Origin, "own_intake" { Dispatched, OwnIntake }
);
wire_enum!(Priority, "normal" { Low, Normal, High, Urgent });
wire_enum!(
    /// What a stage means whatever it is called: lists and the tracking page reason in categories.
    StageCategory, "in_progress" { Open, InProgress, Waiting, Done, Closed }
);
wire_enum!(
    /// The warranty decision in one word: `covered` (parts and labour), `partial`,
    /// `not_covered`, or `unknown` (no registered unit).
    WarrantyStatus, "covered" { Covered, Partial, NotCovered, Unknown }
);

/// How to find the unit brought in: exactly one of the keys. A scanned barcode is
/// tried as a serial, then as a warranty card number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"serial": "K3J-00042"})))]
#[serde(deny_unknown_fields)]
pub struct UnitRef {
    #[serde(default)]
    pub serial_id: Option<Uuid>,
    /// As printed on the unit, any case or punctuation.
    #[serde(default)]
    #[validate(length(min = 1, max = 80))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 80))]
    pub serial: Option<String>,
    /// Narrows `serial` when two brands use the same one.
    #[serde(default)]
    pub brand_id: Option<Uuid>,
    #[serde(default)]
    #[validate(length(min = 1, max = 32))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 32))]
    pub warranty_card: Option<String>,
    /// The sale invoice or e-commerce order number.
    #[serde(default)]
    #[validate(length(min = 1, max = 64))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64))]
    pub sale_document: Option<String>,
    #[serde(default)]
    #[validate(length(min = 1, max = 120))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120))]
    pub barcode: Option<String>,
}

/// A customer registered together with the ticket, in the ticket's branch.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "kind": "individual", "name": "Nguyễn Văn Đức", "phones": [{"number": "+84 912-345-678"}]
})))]
#[serde(deny_unknown_fields)]
pub struct IntakeCustomer {
    pub kind: CustomerKind,
    #[validate(length(min = 1, max = 200), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200, pattern = r"[^\s\u0085]"))]
    pub name: String,
    #[serde(default)]
    pub locale: Locale,
    #[validate(length(min = 1, max = 5), nested)]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 5))]
    pub phones: Vec<PhoneInput>,
    #[serde(default)]
    #[validate(length(max = 5), nested)]
    #[cfg_attr(feature = "openapi", schema(max_items = 5))]
    pub emails: Vec<EmailDto>,
    #[serde(default)]
    #[validate(length(max = 5), nested)]
    #[cfg_attr(feature = "openapi", schema(max_items = 5))]
    pub addresses: Vec<AddressDto>,
    /// Register even if another customer of the branch has one of these phones or e-mails.
    #[serde(default)]
    pub allow_duplicate: bool,
}

/// A new ticket. Give the customer as `customer_id` or as `new_customer`, and the
/// unit as `unit` (a registered unit: the warranty is decided and stored on the
/// ticket) or, for a unit not in the registry, its `model_id`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "branch_id": "0193a4f2-7b1c-7cde-8f00-0000000000bb", "kind": "repair", "channel": "counter",
    "customer_id": "0193a4f2-7b1c-7cde-8f00-00000000c001", "unit": {"serial": "K3J-00042"},
    "fault_codes": ["NO_COOLING"], "fault_description": "Blows warm air since Monday",
    "accessories": ["remote control"], "condition_notes": "scratch on the left side"
})))]
#[serde(deny_unknown_fields)]
pub struct CreateTicket {
    /// Yours or one below yours.
    pub branch_id: Uuid,
    pub kind: TicketKind,
    pub channel: Channel,
    /// `own_intake` when absent.
    #[serde(default)]
    pub origin: Option<Origin>,
    /// `normal` when absent.
    #[serde(default)]
    pub priority: Option<Priority>,
    #[serde(default)]
    pub customer_id: Option<Uuid>,
    #[serde(default)]
    #[validate(nested)]
    pub new_customer: Option<IntakeCustomer>,
    #[serde(default)]
    #[validate(nested)]
    pub unit: Option<UnitRef>,
    /// For a unit not in the registry.
    #[serde(default)]
    pub model_id: Option<Uuid>,
    /// The partner's or platform's own reference for the job.
    #[serde(default)]
    #[validate(length(min = 1, max = 64))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64))]
    pub external_reference: Option<String>,
    /// Symptom codes of the unit's product category.
    #[serde(default)]
    #[validate(length(max = 10))]
    #[cfg_attr(feature = "openapi", schema(max_items = 10))]
    pub fault_codes: Vec<String>,
    #[serde(default)]
    #[validate(length(max = 4000))]
    #[cfg_attr(feature = "openapi", schema(max_length = 4000))]
    pub fault_description: Option<String>,
    /// Conditions found that matter to the warranty, e.g. `liquid_damage`.
    #[serde(default)]
    #[validate(length(max = 10))]
    #[cfg_attr(feature = "openapi", schema(max_items = 10))]
    pub claim_conditions: Vec<String>,
    /// What came in with the unit (remote, cables, box…).
    #[serde(default)]
    #[validate(length(max = 20))]
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub accessories: Vec<String>,
    #[serde(default)]
    #[validate(length(max = 2000))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub condition_notes: Option<String>,
    /// The window the customer asked for a pickup or a visit.
    #[serde(default)]
    pub requested_from: Option<DateTime<Utc>>,
    #[serde(default)]
    pub requested_to: Option<DateTime<Utc>>,
    /// When the customer may expect the unit back.
    #[serde(default)]
    pub expected_on: Option<NaiveDate>,
}

/// A ticket as read. `warranty` is the decision stored at intake (or at the last
/// re-evaluation); `tracking_code` is what the customer uses on the public page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketDto {
    pub id: Uuid,
    /// e.g. `RO-HN01-2026-000123`.
    pub number: String,
    pub branch_id: Uuid,
    pub kind: TicketKind,
    pub stage: String,
    pub stage_category: StageCategory,
    pub channel: Channel,
    pub origin: Origin,
    pub priority: Priority,
    pub customer_id: Uuid,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub serial_id: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub model_id: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub external_reference: Option<String>,
    pub fault_codes: Vec<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub fault_description: Option<String>,
    pub accessories: Vec<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub condition_notes: Option<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub requested_from: Option<DateTime<Utc>>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub requested_to: Option<DateTime<Utc>>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub technician_id: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub dispatched_at: Option<DateTime<Utc>>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub appointment_from: Option<DateTime<Utc>>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub appointment_to: Option<DateTime<Utc>>,
    pub warranty_status: WarrantyStatus,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub warranty: Option<Decision>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub warranty_evaluated_at: Option<DateTime<Utc>>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub diagnosis_code: Option<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub resolution_code: Option<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub technician_notes: Option<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub time_on_site_minutes: Option<i32>,
    /// 1–5, from the callback.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub satisfaction_score: Option<i32>,
    /// The unit came back within the repeat-repair window after this ticket.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub repeat_of_ticket_id: Option<Uuid>,
    pub flags: TicketFlags,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub expected_on: Option<NaiveDate>,
    /// 12 symbols, printed in groups of four on the receipt.
    pub tracking_code: String,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub closed_at: Option<DateTime<Utc>>,
    /// True when closed: only an admin reopen changes it.
    pub sealed: bool,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Send it back as `If-Match` to change the ticket safely.
    pub version: i64,
    /// What the ticket's ids name, for showing it: given by the ticket list
    /// (`GET /api/v1/tickets`) and by `GET /api/v1/tickets/{id}`, not by the
    /// answers to changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub names: Option<TicketNames>,
}

/// The names a ticket list shows, read with the page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "customer_name": "Nguyễn Văn Đức", "branch_code": "HN01", "branch_name": "Hà Nội 1",
    "model_code": "AC-K3J-12", "model_name": "Inverter split 12000 BTU", "serial": "K3J-00042",
    "technician_name": "Trần Minh"
})))]
pub struct TicketNames {
    pub customer_name: String,
    pub branch_code: String,
    pub branch_name: String,
    /// The product model's code (SKU), when the ticket names a model.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub model_code: Option<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub model_name: Option<String>,
    /// The unit's serial as printed, when the unit is registered.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub serial: Option<String>,
    /// The assigned technician's display name.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub technician_name: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketFlags {
    /// The same unit was here within the repeat-repair window.
    pub repeat_repair: bool,
    /// A callback answer contradicts the ticket (e.g. charged on a covered repair).
    pub contradiction: bool,
}

/// Filters of the ticket list; all optional and combined with AND.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct TicketQuery {
    pub kind: Option<TicketKind>,
    #[validate(length(min = 1, max = 32))]
    #[cfg_attr(feature = "openapi", param(min_length = 1, max_length = 32))]
    pub stage: Option<String>,
    pub stage_category: Option<StageCategory>,
    pub branch_id: Option<Uuid>,
    pub technician_id: Option<Uuid>,
    /// Only tickets with no technician.
    pub unassigned: Option<bool>,
    pub customer_id: Option<Uuid>,
    pub serial_id: Option<Uuid>,
    pub warranty_status: Option<WarrantyStatus>,
    /// Created at or after.
    pub created_from: Option<DateTime<Utc>>,
    /// Created before.
    pub created_to: Option<DateTime<Utc>>,
    /// Appointment starting at or after.
    pub appointment_from: Option<DateTime<Utc>>,
    /// Appointment starting before.
    pub appointment_to: Option<DateTime<Utc>>,
    pub repeat_repair: Option<bool>,
    pub contradiction: Option<bool>,
    /// Ticket number, customer name or phone, serial — however typed — or an
    /// external reference exactly.
    #[validate(length(min = 1, max = 100))]
    #[cfg_attr(feature = "openapi", param(min_length = 1, max_length = 100))]
    pub q: Option<String>,
    /// Only tickets with exactly this external reference (a partner's order number).
    #[validate(length(min = 1, max = 100))]
    #[cfg_attr(feature = "openapi", param(min_length = 1, max_length = 100))]
    pub external_reference: Option<String>,
    /// `newest` (default) or `oldest` first.
    #[cfg_attr(feature = "openapi", param(inline))]
    pub sort: Option<TicketSort>,
    /// 1 to 200; 50 when absent.
    #[validate(range(min = 1, max = 200))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u32>,
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub cursor: Option<String>,
}

wire_enum!(TicketSort, "newest" { Newest, Oldest });

/// Company-wide settings of the ticket desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"repeat_repair_days": 30, "technician_daily_jobs": 6, "callback_due_hours": 48, "defective_return_days": 14})))]
#[serde(deny_unknown_fields)]
pub struct TicketSettings {
    /// A unit back within this many days of its last ticket is flagged as a repeat repair; 0 turns it off.
    #[validate(range(max = 365))]
    #[cfg_attr(feature = "openapi", schema(maximum = 365))]
    pub repeat_repair_days: u32,
    /// Jobs a technician takes in a day before dispatch warns.
    #[validate(range(min = 1, max = 50))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 50))]
    pub technician_daily_jobs: u32,
    /// The callback falls due this many hours after completion.
    #[validate(range(min = 1, max = 720))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 720))]
    pub callback_due_hours: u32,
    /// A technician hands in the old part taken out of a unit within this many days; 14 when absent.
    #[serde(default = "default_defective_return_days")]
    #[validate(range(min = 1, max = 365))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 365, default = 14))]
    pub defective_return_days: u32,
}

fn default_defective_return_days() -> u32 {
    14
}
