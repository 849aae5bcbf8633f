use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

/// One append-only audit row: who changed what, from what, to what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-00000000dd01", "at": "2026-01-01T08:30:00Z",
    "actor_id": "0193a4f2-7b1c-7cde-8f00-1234567890ab", "branch_id": "0193a4f2-7b1c-7cde-8f00-0000000000bb",
    "action": "branch.update", "entity": "branch", "entity_id": "0193a4f2-7b1c-7cde-8f00-0000000000bb",
    "before": {"name": "Old name"}, "after": {"name": "New name"}, "request_id": "0193a4f2-7b1c-7cde-8f00-00000000ee01"
})))]
pub struct AuditEntryDto {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    /// Absent for changes made by the system itself (seeding, command line).
    pub actor_id: Option<Uuid>,
    /// The branch the changed entity belongs to.
    pub branch_id: Option<Uuid>,
    /// `entity.verb`, e.g. `user.create`.
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub request_id: Option<String>,
}

/// Filters for `GET /api/v1/audit`; newest first.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    /// e.g. `user`, `branch`.
    #[validate(length(max = 64))]
    #[cfg_attr(feature = "openapi", param(max_length = 64))]
    pub entity: Option<String>,
    #[validate(length(max = 64))]
    #[cfg_attr(feature = "openapi", param(max_length = 64))]
    pub entity_id: Option<String>,
    pub actor_id: Option<Uuid>,
    /// e.g. `user.update`.
    #[validate(length(max = 64))]
    #[cfg_attr(feature = "openapi", param(max_length = 64))]
    pub action: Option<String>,
    /// Rows at or after this time.
    pub from: Option<DateTime<Utc>>,
    /// Rows before this time.
    pub to: Option<DateTime<Utc>>,
    #[validate(range(min = 1, max = 200))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u32>,
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub cursor: Option<String>,
}
