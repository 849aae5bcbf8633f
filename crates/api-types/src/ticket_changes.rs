//! Changing a ticket: its details, its stage, reopening it, its timeline, and
//! deciding its warranty again.
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::entitlement::Decision;
use crate::patch::double_option;
use crate::tickets::{Priority, StageCategory, TicketDto, WarrantyStatus};

/// Changes to a ticket's details; absent fields stay, `null` clears.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"diagnosis_code": "GAS_LEAK", "technician_notes": "Leak at the flare nut"})))]
#[serde(deny_unknown_fields)]
pub struct UpdateTicket {
    #[serde(default)]
    pub priority: Option<Priority>,
    #[serde(default)]
    #[validate(length(max = 10))]
    #[cfg_attr(feature = "openapi", schema(max_items = 10))]
    pub fault_codes: Option<Vec<String>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 4000))]
    #[cfg_attr(feature = "openapi", schema(max_length = 4000))]
    pub fault_description: Option<Option<String>>,
    #[serde(default)]
    #[validate(length(max = 20))]
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub accessories: Option<Vec<String>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 2000))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub condition_notes: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[validate(length(min = 1, max = 64))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64))]
    pub external_reference: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    pub requested_from: Option<Option<DateTime<Utc>>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    pub requested_to: Option<Option<DateTime<Utc>>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    pub expected_on: Option<Option<NaiveDate>>,
    /// A diagnosis code of the unit's product category.
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[validate(length(min = 1, max = 32))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 32))]
    pub diagnosis_code: Option<Option<String>>,
    /// A resolution code of the unit's product category.
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[validate(length(min = 1, max = 32))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 32))]
    pub resolution_code: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 4000))]
    #[cfg_attr(feature = "openapi", schema(max_length = 4000))]
    pub technician_notes: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[validate(range(min = 0, max = 10000))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 10000))]
    pub time_on_site_minutes: Option<Option<i32>>,
}

/// Move the ticket to another stage of its workflow.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"to": "diagnosed"})))]
#[serde(deny_unknown_fields)]
pub struct TransitionRequest {
    /// The stage code to move to.
    #[validate(length(min = 1, max = 32))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 32))]
    pub to: String,
    /// Why; some steps (cancelling, sending back) require it.
    #[serde(default)]
    #[validate(length(min = 1, max = 2000), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 2000, pattern = r"[^\s\u0085]"))]
    pub note: Option<String>,
}

/// A step the ticket can take from its stage, and what it still lacks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"to": "closed", "to_category": "closed", "roles": ["clerk", "manager"], "guards": [{"guard": "callback_done", "holds": false, "explanation": "the callback to the customer must be done"}], "allowed": false})))]
pub struct NextStep {
    pub to: String,
    pub to_category: StageCategory,
    /// Roles that may take it; empty: anyone working on tickets.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<crate::users::Role>))]
    pub roles: Vec<String>,
    pub guards: Vec<GuardState>,
    /// True when every guard holds and the caller's roles allow it.
    pub allowed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"guard": "callback_done", "holds": false, "explanation": "the callback to the customer must be done"})))]
pub struct GuardState {
    /// e.g. `callback_done`.
    #[cfg_attr(feature = "openapi", schema(value_type = crate::workflows::Guard))]
    pub guard: String,
    pub holds: bool,
    /// What the guard asks for, in words.
    pub explanation: String,
}

/// An admin reopens a closed ticket, saying why.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"reason": "Customer called: the noise is back"})))]
#[serde(deny_unknown_fields)]
pub struct ReopenRequest {
    #[validate(length(min = 1, max = 2000), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 2000, pattern = r"[^\s\u0085]"))]
    pub reason: String,
    /// The stage to reopen into; the stage before closing when absent.
    #[serde(default)]
    #[validate(length(min = 1, max = 32))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 32))]
    pub stage: Option<String>,
}

/// One entry of the append-only timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"id": "0193a4f2-7b1c-7cde-8f00-00000000e001", "at": "2026-03-04T09:12:00Z", "actor_id": "0193a4f2-7b1c-7cde-8f00-000000000001", "actor_name": "Trần Văn Minh", "kind": "stage_changed", "field": "stage", "from": "diagnosis", "to": "repair", "to_name": null, "note": null})))]
pub struct TicketEventDto {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub actor_id: Option<Uuid>,
    /// The display name of whoever made the change.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub actor_name: Option<String>,
    /// `created`, `stage_changed`, `field_changed`, `dispatched`, `reassigned`, `rescheduled`,
    /// `warranty_reevaluated`, `reopened`, `callback_recorded`, `complaint_opened`,
    /// `parts_reserved`, `parts_released`, `parts_issued`, `parts_used`, `parts_returned`,
    /// `defective_recorded`…
    #[cfg_attr(feature = "openapi", schema(value_type = crate::vocab::TicketEventKind))]
    pub kind: String,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub field: Option<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub from: Option<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub to: Option<String>,
    /// The display name of the technician `to` names, for `dispatched`,
    /// `reassigned` and `rescheduled`.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub to_name: Option<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub note: Option<String>,
}

/// The warranty decided again with today's facts, next to the one stored before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WarrantyReevaluation {
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub before: Option<Decision>,
    pub before_status: WarrantyStatus,
    pub after: Decision,
    pub after_status: WarrantyStatus,
    /// What changed, one line per leg or fact, e.g. `labour: covered → not covered`.
    pub differences: Vec<String>,
    pub ticket: TicketDto,
}
