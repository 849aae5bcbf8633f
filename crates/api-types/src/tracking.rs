//! The public tracking page: what a customer holding a tracking code may see of
//! their ticket, without signing in. Nothing here names or reaches the customer:
//! no name, phone, address, serial, technician, notes or prices.
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::tickets::{StageCategory, TicketKind};
use crate::users::Locale;

/// The language of stage names and printed labels.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct LangQuery {
    /// `en`, `vi`, `fa` or `zh`; `en` when absent.
    #[serde(default)]
    pub lang: Option<Locale>,
}

/// A stage as the public sees it: what it means and what it is called.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicStage {
    pub category: StageCategory,
    /// In the requested language (English when the workflow has no name in it).
    pub name: String,
}

/// One step of the ticket's progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicStageChange {
    pub at: DateTime<Utc>,
    pub category: StageCategory,
    pub name: String,
}

/// Whom to call about the ticket. Branches keep no phone or address yet, so this
/// is the branch's name and code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicBranch {
    pub name: String,
    pub code: String,
}

/// A ticket as its tracking code shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "number": "RO-HN01-2026-000123", "kind": "repair", "lang": "en",
    "stage": {"category": "in_progress", "name": "Repairing"}, "closed": false,
    "received_at": "2026-03-02T02:15:00Z", "expected_on": "2026-03-09",
    "timeline": [
        {"at": "2026-03-02T02:15:00Z", "category": "open", "name": "Received"},
        {"at": "2026-03-03T08:40:00Z", "category": "in_progress", "name": "Repairing"}
    ],
    "branch": {"name": "Hà Nội — Cầu Giấy", "code": "HN01"}
})))]
pub struct PublicTracking {
    /// The ticket number, as printed on the customer's receipt. It is sequential
    /// per branch, kind and year, but it is shown only to whoever already holds the
    /// (unguessable) tracking code, i.e. the receipt it is printed on; it lets the
    /// customer quote the ticket when they call the branch, and says nothing about
    /// the customer.
    pub number: String,
    pub kind: TicketKind,
    /// The language the names are in.
    pub lang: Locale,
    /// Where the ticket is now.
    pub stage: PublicStage,
    /// The ticket is finished and closed.
    pub closed: bool,
    pub received_at: DateTime<Utc>,
    /// When the customer may expect the unit back, if promised.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub expected_on: Option<NaiveDate>,
    /// Stage changes, oldest first.
    pub timeline: Vec<PublicStageChange>,
    pub branch: PublicBranch,
}
