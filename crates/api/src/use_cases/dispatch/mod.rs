//! Dispatch: what it checks before sending a technician, how the board shows a
//! ticket, and the days of a branch both reason in.
pub mod board;

use aftersales_api_types::dispatch as wire;
use aftersales_domain::organisation::{Branch, User};
use aftersales_domain::regional::{local_date, local_day_bounds};
use aftersales_domain::tickets::dispatch::{DispatchCheck, DispatchWarning, dispatch_warnings};
use aftersales_persistence::catalogue::{category_skills, models};
use aftersales_persistence::tickets::{Ticket, dispatch};
use aftersales_persistence::{ConnectionTrait, branches, settings, skills};
use chrono::{DateTime, NaiveDate, Utc};

use crate::error::ApiError;
use crate::use_cases::tickets::convert::ToWire;

/// The calendar day of `at` where the branch is.
pub fn day_at(branch: &Branch, at: DateTime<Utc>) -> NaiveDate {
    local_date(&branch.time_zone, at).unwrap_or_else(|| at.date_naive())
}

/// The instants a day of the branch spans.
pub fn day_span(branch: &Branch, day: NaiveDate) -> Result<(DateTime<Utc>, DateTime<Utc>), ApiError> {
    local_day_bounds(&branch.time_zone, day)
        .or_else(|| local_day_bounds("UTC", day))
        .ok_or_else(|| ApiError::field("date", "out_of_range", "the day is out of range"))
}

/// What would need a second look if `technician` went to `ticket` at `appointment_from`.
pub async fn warnings_for(
    db: &impl ConnectionTrait,
    ticket: &Ticket,
    ticket_branch: &Branch,
    technician: &User,
    appointment_from: DateTime<Utc>,
) -> Result<Vec<DispatchWarning>, ApiError> {
    let technician_path = branches::path_of(db, technician.branch_id.uuid()).await?;
    let required = match ticket.model_id {
        Some(model_id) => {
            category_skills::required_ids(db, models::find(db, model_id.uuid()).await?.category_id.uuid()).await?
        }
        None => Vec::new(),
    };
    let has = category_skills::user_skill_ids(db, technician.id.uuid()).await?;
    let (from, to) = day_span(ticket_branch, day_at(ticket_branch, appointment_from))?;
    let jobs = dispatch::jobs_between(db, technician.id.uuid(), from, to, ticket.id.uuid()).await?;
    let limit = settings::tickets(db).await?.technician_daily_jobs;
    Ok(dispatch_warnings(&DispatchCheck {
        ticket_branch_path: &ticket_branch.path,
        technician_branch_path: &technician_path,
        required_skills: &required,
        technician_skills: &has,
        jobs_that_day: u32::try_from(jobs).unwrap_or(u32::MAX),
        daily_limit: limit,
    }))
}

/// The warnings as the API shows them, missing skills named by code.
pub async fn warnings_out(
    db: &impl ConnectionTrait,
    warnings: &[DispatchWarning],
) -> Result<Vec<wire::DispatchWarning>, ApiError> {
    let mut out = Vec::with_capacity(warnings.len());
    for w in warnings {
        let mut codes = Vec::new();
        if let DispatchWarning::MissingSkills(ids) = w {
            for id in ids {
                codes.push(skills::find(db, id.uuid()).await?.code);
            }
            codes.sort();
        }
        out.push(wire::DispatchWarning { code: w.code().into(), message: w.explain(), skills: codes });
    }
    Ok(out)
}

/// A ticket as the board shows it.
pub fn job_out(t: &Ticket, customer_name: String) -> wire::BoardJob {
    wire::BoardJob {
        ticket_id: t.id.uuid(),
        number: t.number.clone(),
        kind: t.kind.to_wire(),
        stage: t.stage.clone(),
        stage_category: t.stage_category.to_wire(),
        priority: t.priority.to_wire(),
        customer_id: t.customer_id.uuid(),
        customer_name,
        appointment_from: t.appointment_from,
        appointment_to: t.appointment_to,
        requested_from: t.requested_from,
        requested_to: t.requested_to,
        created_at: t.created_at,
    }
}
