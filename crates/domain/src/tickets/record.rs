//! The write model of a ticket: its fields, and the changes of state that have a
//! rule behind them (moving to a checked stage, closing and so sealing, reopening,
//! sending a technician). Each change returns what changed, for the timeline.
use crate::ids::{BranchId, CustomerId, ModelId, SerialId, TicketId, UserId};
use chrono::{DateTime, NaiveDate, Utc};

use super::workflow::{Refusal, Stage, TicketFacts, Workflow};
use super::{Channel, Origin, Priority, StageCategory, TicketKind, WarrantyStatus};
use crate::access::Role;

/// The entitlement decision as the API answered it when it was made, kept as JSON
/// text: the ticket carries it, the application reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarrantySnapshot(String);

impl WarrantySnapshot {
    pub fn new(json: String) -> Self {
        WarrantySnapshot(json)
    }

    pub fn json(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ticket {
    pub id: TicketId,
    pub number: String,
    pub branch_id: BranchId,
    pub kind: TicketKind,
    pub stage: String,
    pub stage_category: StageCategory,
    pub channel: Channel,
    pub origin: Origin,
    pub priority: Priority,
    pub customer_id: CustomerId,
    pub serial_id: Option<SerialId>,
    pub model_id: Option<ModelId>,
    pub external_reference: Option<String>,
    pub fault_codes: Vec<String>,
    pub fault_description: Option<String>,
    pub accessories: Vec<String>,
    pub condition_notes: Option<String>,
    pub requested_from: Option<DateTime<Utc>>,
    pub requested_to: Option<DateTime<Utc>>,
    pub technician_id: Option<UserId>,
    pub dispatched_at: Option<DateTime<Utc>>,
    pub appointment_from: Option<DateTime<Utc>>,
    pub appointment_to: Option<DateTime<Utc>>,
    pub warranty_status: WarrantyStatus,
    /// The entitlement decision, when one was made.
    pub warranty_snapshot: Option<WarrantySnapshot>,
    pub warranty_evaluated_at: Option<DateTime<Utc>>,
    pub diagnosis_code: Option<String>,
    pub resolution_code: Option<String>,
    pub technician_notes: Option<String>,
    pub time_on_site_minutes: Option<i32>,
    pub satisfaction_score: Option<i32>,
    pub repeat_of_ticket_id: Option<TicketId>,
    pub flag_repeat_repair: bool,
    pub flag_contradiction: bool,
    pub expected_on: Option<NaiveDate>,
    pub tracking_code: String,
    pub closed_at: Option<DateTime<Utc>>,
    pub created_by: Option<UserId>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

/// A ticket's move from one stage to another, for the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageChange {
    pub from: String,
    pub from_category: StageCategory,
    pub to: String,
    pub to_category: StageCategory,
}

impl StageChange {
    /// The work was completed (again): the ticket came into a `done` stage from
    /// the work, not from another `done` stage (e.g. completed → callback).
    pub fn completes_the_work(&self) -> bool {
        self.to_category == StageCategory::Done && self.from_category != StageCategory::Done
    }
}

/// Why a ticket may not be reopened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReopenRefusal {
    /// Only a closed ticket is reopened.
    NotClosed,
    /// The stage named is not an open stage of the ticket's workflow.
    NotAnOpenStage(String),
}

/// How sending a technician changes who has the ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Assignment {
    /// Nobody had it.
    Dispatched,
    /// The same technician, another appointment.
    Rescheduled,
    /// Another technician had it.
    Reassigned,
}

impl Assignment {
    /// The timeline event's kind.
    pub fn as_str(self) -> &'static str {
        match self {
            Assignment::Dispatched => "dispatched",
            Assignment::Rescheduled => "rescheduled",
            Assignment::Reassigned => "reassigned",
        }
    }
}

impl Ticket {
    /// A closed ticket is sealed: only an admin reopen changes it.
    pub fn is_sealed(&self) -> bool {
        self.stage_category == StageCategory::Closed
    }

    /// Takes the step to `to` if the workflow allows it to a person with `roles`,
    /// given `facts` (the guards are checked by [`Workflow::check`], the one place
    /// they are). Closing seals the ticket at `now`.
    pub fn take_step(
        &mut self,
        workflow: &Workflow,
        to: &str,
        roles: &[Role],
        facts: &TicketFacts,
        now: DateTime<Utc>,
    ) -> Result<StageChange, Refusal> {
        let step = workflow.check(&self.stage, to, roles, facts)?;
        let target = workflow.stage(&step.to).ok_or_else(|| Refusal::UnknownStage(step.to.clone()))?;
        let change = self.enter(target);
        if target.category == StageCategory::Closed {
            self.closed_at = Some(now);
        }
        Ok(change)
    }

    /// Reopens a closed ticket into the open stage `stage` of its workflow.
    pub fn reopen(&mut self, workflow: &Workflow, stage: &str) -> Result<StageChange, ReopenRefusal> {
        if !self.is_sealed() {
            return Err(ReopenRefusal::NotClosed);
        }
        let target = workflow
            .stage(stage)
            .filter(|s| s.category != StageCategory::Closed)
            .ok_or_else(|| ReopenRefusal::NotAnOpenStage(stage.to_owned()))?;
        let change = self.enter(target);
        self.closed_at = None;
        Ok(change)
    }

    /// Sends `technician_id` for the appointment window, dispatched at `now`.
    pub fn assign(
        &mut self,
        technician_id: UserId,
        appointment: (DateTime<Utc>, DateTime<Utc>),
        now: DateTime<Utc>,
    ) -> Assignment {
        let assignment = match self.technician_id {
            None => Assignment::Dispatched,
            Some(current) if current == technician_id => Assignment::Rescheduled,
            Some(_) => Assignment::Reassigned,
        };
        self.technician_id = Some(technician_id);
        self.appointment_from = Some(appointment.0);
        self.appointment_to = Some(appointment.1);
        self.dispatched_at = Some(now);
        assignment
    }

    fn enter(&mut self, stage: &Stage) -> StageChange {
        let change = StageChange {
            from: self.stage.clone(),
            from_category: self.stage_category,
            to: stage.code.clone(),
            to_category: stage.category,
        };
        self.stage = stage.code.clone();
        self.stage_category = stage.category;
        change
    }
}

#[cfg(test)]
#[path = "record_tests.rs"]
mod tests;
