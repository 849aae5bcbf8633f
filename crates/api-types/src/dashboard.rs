//! The dashboard: what needs attention now in the user's part of the network.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::tickets::{StageCategory, TicketKind};

/// Narrows the dashboard to one branch within the user's scope.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct DashboardQuery {
    /// Only this branch; every branch the user sees when absent.
    pub branch_id: Option<Uuid>,
}

/// Tickets not closed in one stage, of one kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StageTally {
    pub stage: String,
    pub stage_category: StageCategory,
    pub kind: TicketKind,
    pub count: u64,
}

/// The counts on the dashboard, each a link target for the list behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Dashboard {
    /// The branch asked for; null for the user's whole part of the network.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub branch_id: Option<Uuid>,
    /// When the numbers were counted.
    pub counted_at: DateTime<Utc>,
    /// Tickets not closed per stage and kind, the fullest first.
    pub open: Vec<StageTally>,
    /// All tickets not closed.
    pub open_total: u64,
    /// Tickets still to be worked on (open, in progress, waiting) nobody is assigned to.
    pub unassigned: u64,
    /// Tickets with an appointment starting today (each branch's own day).
    pub dispatched_today: u64,
    /// Callbacks still pending past their due time.
    pub overdue_callbacks: u64,
    /// Old parts technicians still owe past their due time.
    pub overdue_defective_returns: u64,
}
