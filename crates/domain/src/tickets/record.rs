//! The write model of a ticket: its fields, and the changes of state that have a
//! rule behind them (moving to a checked stage, closing and so sealing, reopening,
//! sending a technician). Each change returns what changed, for the timeline.
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

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
    pub id: Uuid,
    pub number: String,
    pub branch_id: Uuid,
    pub kind: TicketKind,
    pub stage: String,
    pub stage_category: StageCategory,
    pub channel: Channel,
    pub origin: Origin,
    pub priority: Priority,
    pub customer_id: Uuid,
    pub serial_id: Option<Uuid>,
    pub model_id: Option<Uuid>,
    pub external_reference: Option<String>,
    pub fault_codes: Vec<String>,
    pub fault_description: Option<String>,
    pub accessories: Vec<String>,
    pub condition_notes: Option<String>,
    pub requested_from: Option<DateTime<Utc>>,
    pub requested_to: Option<DateTime<Utc>>,
    pub technician_id: Option<Uuid>,
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
    pub repeat_of_ticket_id: Option<Uuid>,
    pub flag_repeat_repair: bool,
    pub flag_contradiction: bool,
    pub expected_on: Option<NaiveDate>,
    pub tracking_code: String,
    pub closed_at: Option<DateTime<Utc>>,
    pub created_by: Option<Uuid>,
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
        technician_id: Uuid,
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
mod tests {
    use super::*;
    use crate::tickets::default_workflows::default_workflow;

    fn at(hour: u32) -> DateTime<Utc> {
        use chrono::TimeZone;
        Utc.with_ymd_and_hms(2026, 3, 2, hour, 0, 0).single().unwrap_or_default()
    }

    fn ticket_in(workflow: &Workflow, stage: &str) -> Ticket {
        let category = workflow.stage(stage).map_or(StageCategory::Open, |s| s.category);
        Ticket {
            id: Uuid::nil(),
            number: "RO-HN01-2026-000001".into(),
            branch_id: Uuid::nil(),
            kind: TicketKind::Repair,
            stage: stage.into(),
            stage_category: category,
            channel: Channel::Counter,
            origin: Origin::OwnIntake,
            priority: Priority::Normal,
            customer_id: Uuid::nil(),
            serial_id: None,
            model_id: None,
            external_reference: None,
            fault_codes: Vec::new(),
            fault_description: None,
            accessories: Vec::new(),
            condition_notes: None,
            requested_from: None,
            requested_to: None,
            technician_id: None,
            dispatched_at: None,
            appointment_from: None,
            appointment_to: None,
            warranty_status: WarrantyStatus::Unknown,
            warranty_snapshot: None,
            warranty_evaluated_at: None,
            diagnosis_code: None,
            resolution_code: None,
            technician_notes: None,
            time_on_site_minutes: None,
            satisfaction_score: None,
            repeat_of_ticket_id: None,
            flag_repeat_repair: false,
            flag_contradiction: false,
            expected_on: None,
            tracking_code: "ABCDEFGHJKLM".into(),
            closed_at: (category == StageCategory::Closed).then(|| at(8)),
            created_by: None,
            created_at: at(7),
            updated_at: at(8),
            version: 1,
        }
    }

    /// Every guard of every step holds.
    fn all_facts() -> TicketFacts {
        TicketFacts {
            technician_assigned: true,
            diagnosis_recorded: true,
            resolution_recorded: true,
            labour_lines: 1,
            unreconciled_parts: 0,
            installation_card_returned: true,
            callback_done: true,
            open_complaints: 0,
            note_given: true,
        }
    }

    /// A step of `workflow` out of a stage of category `from` into one of category `to`.
    fn step(workflow: &Workflow, from: StageCategory, to: StageCategory) -> (String, String) {
        workflow
            .transitions
            .iter()
            .find(|t| {
                workflow.stage(&t.from).is_some_and(|s| s.category == from)
                    && workflow.stage(&t.to).is_some_and(|s| s.category == to)
            })
            .map(|t| (t.from.clone(), t.to.clone()))
            .unwrap_or_else(|| panic!("the default workflow has a step from {from:?} to {to:?}"))
    }

    #[test]
    fn a_step_moves_the_ticket_and_says_what_changed() {
        let wf = default_workflow(TicketKind::Repair);
        let (from, to) = step(&wf, StageCategory::Open, StageCategory::InProgress);
        let mut t = ticket_in(&wf, &from);
        let change = t.take_step(&wf, &to, &[Role::Admin], &all_facts(), at(9)).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!((change.from.as_str(), change.to.as_str()), (from.as_str(), to.as_str()));
        assert_eq!((t.stage.as_str(), t.stage_category), (to.as_str(), StageCategory::InProgress));
        assert_eq!(t.closed_at, None);
        assert!(!change.completes_the_work());
    }

    #[test]
    fn closing_seals_the_ticket_at_that_instant() {
        let wf = default_workflow(TicketKind::Repair);
        let (from, to) = step(&wf, StageCategory::Done, StageCategory::Closed);
        let mut t = ticket_in(&wf, &from);
        t.take_step(&wf, &to, &[Role::Admin], &all_facts(), at(10)).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(t.is_sealed());
        assert_eq!(t.closed_at, Some(at(10)));
        assert_eq!(t.take_step(&wf, &from, &[Role::Admin], &all_facts(), at(11)), Err(Refusal::Sealed));
    }

    #[test]
    fn a_refused_step_leaves_the_ticket_as_it_was() {
        let wf = default_workflow(TicketKind::Repair);
        let (from, _) = step(&wf, StageCategory::Open, StageCategory::InProgress);
        let mut t = ticket_in(&wf, &from);
        let before = t.clone();
        assert!(matches!(
            t.take_step(&wf, "no_such_stage", &[Role::Admin], &all_facts(), at(9)),
            Err(Refusal::UnknownStage(_))
        ));
        assert_eq!(t, before);
    }

    #[test]
    fn coming_into_done_from_the_work_completes_it() {
        let wf = default_workflow(TicketKind::Repair);
        let (from, to) = step(&wf, StageCategory::InProgress, StageCategory::Done);
        let mut t = ticket_in(&wf, &from);
        let change = t.take_step(&wf, &to, &[Role::Admin], &all_facts(), at(9)).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(change.completes_the_work());
    }

    #[test]
    fn reopening_unseals_into_an_open_stage_only() {
        let wf = default_workflow(TicketKind::Repair);
        let (done, closed) = step(&wf, StageCategory::Done, StageCategory::Closed);
        let mut open = ticket_in(&wf, &done);
        assert_eq!(open.reopen(&wf, &done), Err(ReopenRefusal::NotClosed));

        let mut t = ticket_in(&wf, &closed);
        assert_eq!(t.reopen(&wf, &closed), Err(ReopenRefusal::NotAnOpenStage(closed.clone())));
        assert!(t.is_sealed());
        let change = t.reopen(&wf, &done).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!((change.from.as_str(), change.to.as_str()), (closed.as_str(), done.as_str()));
        assert!(!t.is_sealed());
        assert_eq!(t.closed_at, None);
    }

    #[test]
    fn sending_a_technician_names_how_the_assignment_changed() {
        let wf = default_workflow(TicketKind::Repair);
        let mut t = ticket_in(&wf, "received");
        let (first, second) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let window = (at(13), at(15));
        assert_eq!(t.assign(first, window, at(9)), Assignment::Dispatched);
        assert_eq!(t.assign(first, (at(14), at(16)), at(10)), Assignment::Rescheduled);
        assert_eq!(t.assign(second, window, at(11)), Assignment::Reassigned);
        assert_eq!(
            (t.technician_id, t.appointment_from, t.appointment_to, t.dispatched_at),
            (Some(second), Some(at(13)), Some(at(15)), Some(at(11)))
        );
    }
}
