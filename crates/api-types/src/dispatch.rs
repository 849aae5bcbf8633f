//! Dispatch: sending a technician to a ticket, the skills a product category asks
//! for, and the dispatch board of one branch and day.
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::skills::SkillDto;
use crate::tickets::{Priority, StageCategory, TicketDto, TicketKind};

/// The skills a technician needs for units of a product category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequiredSkills {
    pub category_id: Uuid,
    /// By code.
    pub skills: Vec<SkillDto>,
}

/// The whole set of skills a product category requires, by skill code; it replaces
/// the set there was. An empty list requires nothing.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"skills": ["air_conditioner"]})))]
#[serde(deny_unknown_fields)]
pub struct SetRequiredSkills {
    #[validate(length(max = 50))]
    #[cfg_attr(feature = "openapi", schema(max_items = 50))]
    pub skills: Vec<String>,
}

/// Send a technician to a ticket for an appointment window.
///
/// Reassigning a ticket that already has another technician needs a `reason`. A
/// choice dispatch warns about (see [`DispatchWarning`]) is refused with 409 unless
/// `override` is true, with an `override_reason`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "technician_id": "0193a4f2-7b1c-7cde-8f00-0000000000a1",
    "appointment_from": "2026-03-05T02:00:00Z", "appointment_to": "2026-03-05T04:00:00Z"
})))]
#[serde(deny_unknown_fields)]
pub struct DispatchRequest {
    /// An active technician of your part of the network.
    pub technician_id: Uuid,
    pub appointment_from: DateTime<Utc>,
    /// Not before `appointment_from`.
    pub appointment_to: DateTime<Utc>,
    /// Why the ticket goes to another technician; required when reassigning.
    #[serde(default)]
    #[validate(length(min = 1, max = 2000), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 2000, pattern = r"[^\s\u0085]"))]
    pub reason: Option<String>,
    /// Dispatch despite the warnings; needs `override_reason`.
    #[serde(default, rename = "override")]
    pub override_warnings: bool,
    #[serde(default)]
    #[validate(length(min = 1, max = 2000), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 2000, pattern = r"[^\s\u0085]"))]
    pub override_reason: Option<String>,
}

/// Something about the chosen technician that needs a second look.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"code": "missing_skill", "message": "the technician lacks a skill the unit needs: inverter_ac", "skills": ["inverter_ac"]})))]
pub struct DispatchWarning {
    /// `outside_branch`, `missing_skill` or `over_daily_load`.
    #[cfg_attr(feature = "openapi", schema(value_type = crate::vocab::DispatchWarningCode))]
    pub code: String,
    pub message: String,
    /// For `missing_skill`: the codes of the skills the technician lacks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<String>,
}

/// The dispatched ticket, and the warnings the dispatcher overrode.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DispatchResult {
    pub ticket: TicketDto,
    pub overridden_warnings: Vec<DispatchWarning>,
}

/// One branch, one local day.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct BoardQuery {
    pub branch_id: Uuid,
    /// The day in the branch's time zone; today there when absent.
    pub date: Option<NaiveDate>,
}

/// A ticket as the board shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BoardJob {
    pub ticket_id: Uuid,
    pub number: String,
    pub kind: TicketKind,
    pub stage: String,
    pub stage_category: StageCategory,
    pub priority: Priority,
    pub customer_id: Uuid,
    /// The customer's name, so that the board needs no look-up per card.
    pub customer_name: String,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub appointment_from: Option<DateTime<Utc>>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub appointment_to: Option<DateTime<Utc>>,
    /// When the customer would like the visit.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub requested_from: Option<DateTime<Utc>>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub requested_to: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// A technician's day: their jobs by appointment, and their load against the limit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BoardTechnician {
    pub technician_id: Uuid,
    pub username: String,
    pub display_name: String,
    /// Skill codes.
    pub skills: Vec<String>,
    pub jobs: Vec<BoardJob>,
    /// Jobs that day that are not closed.
    pub load: u32,
    /// Jobs a technician takes in a day before dispatch warns.
    pub limit: u32,
}

/// The dispatch board of one branch and one day in its time zone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DispatchBoard {
    pub branch_id: Uuid,
    pub date: NaiveDate,
    pub time_zone: String,
    /// The branch's active technicians, by username.
    pub technicians: Vec<BoardTechnician>,
    /// The branch's unfinished tickets with no technician, oldest first (at most 100).
    pub unassigned: Vec<BoardJob>,
    /// How many unassigned tickets there are in all.
    pub unassigned_total: u64,
}
