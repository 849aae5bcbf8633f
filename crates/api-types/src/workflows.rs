//! Ticket workflows as admins configure them: stages and guarded transitions.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::tickets::{StageCategory, TicketKind};
use crate::users::Role;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "code": "received", "category": "open", "names": {"en": "Received", "vi": "Đã tiếp nhận", "fa": "دریافت شده", "zh": "已接收"}
})))]
#[serde(deny_unknown_fields)]
pub struct StageDto {
    /// 1 to 32 lower-case letters, digits or `_`; tickets store it.
    #[validate(length(min = 1, max = 32), custom(function = "crate::rules::key"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 32, pattern = "^[a-z0-9_]+$"))]
    pub code: String,
    pub category: StageCategory,
    /// Language (`en`, `vi`, `fa`, `zh`) → name; `en` is required.
    pub names: BTreeMap<String, String>,
}

/// A condition a step can require.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "callback_done"))]
#[serde(rename_all = "snake_case")]
pub enum Guard {
    TechnicianAssigned,
    DiagnosisRecorded,
    ResolutionRecorded,
    LabourRecorded,
    /// Every part issued is recorded as used or returned.
    PartsReconciled,
    /// A scan of the returned installation card is attached (purpose `installation_card`).
    InstallationCardReturned,
    CallbackDone,
    ComplaintsResolved,
    /// The step's `note` says why.
    NoteGiven,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "from": "callback", "to": "closed", "roles": ["clerk", "dispatcher", "manager"], "guards": ["callback_done"]
})))]
#[serde(deny_unknown_fields)]
pub struct TransitionDto {
    #[validate(length(min = 1, max = 32))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 32))]
    pub from: String,
    #[validate(length(min = 1, max = 32))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 32))]
    pub to: String,
    /// Who may take the step; empty: anyone working on tickets. Admins always may.
    #[serde(default)]
    pub roles: Vec<Role>,
    #[serde(default)]
    pub guards: Vec<Guard>,
}

/// The stages of a ticket kind in order (the first is where tickets start) and the
/// steps between them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct WorkflowBody {
    #[validate(length(min = 2, max = 30), nested)]
    #[cfg_attr(feature = "openapi", schema(min_items = 2, max_items = 30))]
    pub stages: Vec<StageDto>,
    #[validate(length(min = 1, max = 200), nested)]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 200))]
    pub transitions: Vec<TransitionDto>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WorkflowDto {
    pub kind: TicketKind,
    pub stages: Vec<StageDto>,
    pub transitions: Vec<TransitionDto>,
    /// 0 while the kind runs on the shipped default; send it as `If-Match`.
    pub version: i64,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub updated_at: Option<chrono::DateTime<chrono::Utc>>,
}
