//! The ticket-volume report: per branch and month, the tickets taken in and
//! closed, for managers comparing outlets and following a season.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

/// The calendar whose months the report counts in: `gregorian` (default) or
/// `jalali` (Farvardin, Ordibehesht, … as in Iran).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReportCalendar {
    #[default]
    Gregorian,
    Jalali,
}

/// A period of days in each branch's time zone, both included (at most 366 days),
/// cut at the months of `calendar`; all of your branches, or one.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct TicketVolumeQuery {
    /// The first day, e.g. `2026-01-01`.
    pub from: NaiveDate,
    /// The last day, included; not before `from`.
    pub to: NaiveDate,
    /// `gregorian` (default) or `jalali`.
    #[cfg_attr(feature = "openapi", param(inline))]
    pub calendar: Option<ReportCalendar>,
    /// Only this branch (in your part of the network).
    pub branch_id: Option<Uuid>,
}

/// A month of the report: the period's days that fall in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportMonth {
    /// Year and month in the report's calendar, e.g. `2026-03` or `1405-01`.
    pub label: String,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
}

/// Tickets received per kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketsByKind {
    pub repair: i64,
    pub installation: i64,
    pub maintenance: i64,
    pub return_exchange: i64,
}

/// One branch in one month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketVolumeLine {
    pub branch_id: Uuid,
    pub branch_code: String,
    pub branch_name: String,
    /// The month's label (see `months`).
    pub month: String,
    /// Tickets taken in during the month.
    pub received: i64,
    pub received_by_kind: TicketsByKind,
    /// Of those, decided covered in full or in part when taken in.
    pub under_warranty: i64,
    /// Of those, flagged as a repeat repair of the same unit.
    pub repeat_repairs: i64,
    /// Tickets closed during the month (whenever they were taken in).
    pub closed: i64,
    /// Their mean time from intake to closing, in hours; absent when none closed.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub mean_hours_to_close: Option<f64>,
}

/// Lines by branch code, then month; a branch with nothing in a month has no line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketVolumeReport {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub calendar: ReportCalendar,
    pub months: Vec<ReportMonth>,
    pub lines: Vec<TicketVolumeLine>,
}
