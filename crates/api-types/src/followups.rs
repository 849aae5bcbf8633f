//! After the work: the callback to the customer (a scripted set of questions) and
//! complaints with their own resolution.
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident, $example:literal { $($(#[$vmeta:meta])* $variant:ident),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[cfg_attr(feature = "openapi", schema(example = $example))]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),* }
    };
}

wire_enum!(
    /// The answer a question takes: `yes_no` (true/false), `score` (1 to 5) or `text`.
    AnswerKind, "score" { YesNo, Score, Text }
);
wire_enum!(
    /// `pending`; `done` (the customer answered); `unreachable` (three calls went
    /// unanswered; like `done`, it lets the ticket close).
    CallbackStatus, "pending" { Pending, Done, Unreachable }
);
wire_enum!(
    /// What the customer complains about.
    ComplaintCategory, "attitude" { Attitude, Quality, Delay, Charge, Damage, Other }
);
wire_enum!(
    /// `open`, or closed as `resolved` (upheld and dealt with) or `rejected` (unfounded).
    ComplaintStatus, "open" { Open, Resolved, Rejected }
);
wire_enum!(
    /// How a complaint is closed.
    ComplaintOutcome, "resolved" { Resolved, Rejected }
);

/// One question of the callback script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CallbackQuestion {
    /// The key of its answer in `answers`, e.g. `unit_working`.
    pub code: String,
    pub kind: AnswerKind,
    /// What to ask the customer.
    pub text: String,
    pub required: bool,
}

/// A ticket's callback task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CallbackDto {
    pub id: Uuid,
    pub ticket_id: Uuid,
    /// e.g. `RO-HN01-2026-000123`.
    pub ticket_number: String,
    pub branch_id: Uuid,
    pub status: CallbackStatus,
    pub due_at: DateTime<Utc>,
    /// Still pending after `due_at`.
    pub overdue: bool,
    /// Calls that went unanswered.
    pub attempts: u32,
    /// Question code → answer (true/false, 1–5 or text), once answered.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub answers: Option<serde_json::Value>,
    /// 1–5: the rounded mean of the scored answers.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub satisfaction_score: Option<i32>,
    /// What the answers contradict on the ticket, e.g. `charged_on_covered_repair`.
    pub contradictions: Vec<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub notes: Option<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub done_by: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub done_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// What the task's ids name, for a work list: given by `GET /api/v1/callbacks`,
    /// not by the answers to changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub names: Option<FollowUpNames>,
}

/// What a callback task's or a complaint's ids name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FollowUpNames {
    /// e.g. `RO-HN01-2026-000123`.
    pub ticket_number: String,
    pub customer_name: String,
    pub branch_name: String,
    /// The technician: the ticket's for a callback, the one complained about for a complaint.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub technician_name: Option<String>,
    /// Who made the call (`done_by`) or closed the complaint (`resolved_by`).
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub settled_by_name: Option<String>,
}

/// The outcome of a call: the customer's answers, or that nobody answered.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "reached": true,
    "answers": {"unit_working": true, "technician_attitude": 5, "service_quality": 4, "was_charged": false,
        "comments": "Quick and tidy"},
    "notes": "Spoke to the owner's son"
})))]
#[serde(deny_unknown_fields)]
pub struct RecordCallback {
    /// False: the call went unanswered (the third such call makes the customer unreachable).
    pub reached: bool,
    /// Question code → answer, when reached: true/false for `yes_no`, 1–5 for
    /// `score`, text for `text`; every required question answered.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    #[validate(length(max = 2000))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub notes: Option<String>,
}

/// Filters of the callback work list; all optional and combined with AND.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct CallbackQuery {
    pub status: Option<CallbackStatus>,
    /// `true`: pending and past due; `false`: all the others.
    pub overdue: Option<bool>,
    pub branch_id: Option<Uuid>,
    /// The calls this agent made (tasks they settled or logged as unreachable).
    pub done_by: Option<Uuid>,
    /// 1 to 200; 50 when absent.
    #[validate(range(min = 1, max = 200))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u32>,
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub cursor: Option<String>,
}

/// A complaint about a ticket's service.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "category": "attitude", "description": "The technician was rude and left a mess"
})))]
#[serde(deny_unknown_fields)]
pub struct OpenComplaint {
    pub category: ComplaintCategory,
    #[validate(length(min = 1, max = 4000), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 4000, pattern = r"[^\s\u0085]"))]
    pub description: String,
    /// Who the complaint is about; the ticket's technician when absent.
    #[serde(default)]
    pub technician_id: Option<Uuid>,
}

/// Close a complaint, saying how.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "resolution": "Apologised; the technician was coached", "outcome": "resolved"
})))]
#[serde(deny_unknown_fields)]
pub struct ResolveComplaint {
    #[validate(length(min = 1, max = 4000), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 4000, pattern = r"[^\s\u0085]"))]
    pub resolution: String,
    pub outcome: ComplaintOutcome,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ComplaintDto {
    pub id: Uuid,
    pub ticket_id: Uuid,
    pub branch_id: Uuid,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub technician_id: Option<Uuid>,
    pub category: ComplaintCategory,
    pub description: String,
    pub status: ComplaintStatus,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub resolution: Option<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub resolved_by: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub resolved_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    /// Send it back as `If-Match` to resolve the complaint safely.
    pub version: i64,
    /// What the complaint's ids name, for a work list: given by `GET /api/v1/complaints`,
    /// not by the answers to changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub names: Option<FollowUpNames>,
}

/// Filters of the complaint list; all optional and combined with AND.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct ComplaintQuery {
    pub status: Option<ComplaintStatus>,
    pub branch_id: Option<Uuid>,
    pub technician_id: Option<Uuid>,
    pub ticket_id: Option<Uuid>,
    /// 1 to 200; 50 when absent.
    #[validate(range(min = 1, max = 200))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u32>,
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub cursor: Option<String>,
}
