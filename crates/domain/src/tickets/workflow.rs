//! Configurable workflows: each ticket kind has stages (in order, each with a
//! category) and transitions between them, each allowed to some roles and guarded
//! by conditions on the ticket. The rules of moving a ticket live here and only here.
use std::collections::{BTreeMap, BTreeSet, VecDeque};

use super::{StageCategory, named_enum};
use crate::access::Role;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    /// Stable code, e.g. `received`; tickets store it.
    pub code: String,
    pub category: StageCategory,
    /// Language (`en`, `vi`, `fa`, `zh`) → name shown to people.
    pub names: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transition {
    pub from: String,
    pub to: String,
    /// Who may take it; empty means anyone who works on tickets.
    pub roles: Vec<Role>,
    /// What must be true of the ticket first.
    pub guards: Vec<Guard>,
}

impl Transition {
    /// May a person with `roles` take this step? Admins may take any.
    pub fn open_to(&self, roles: &[Role]) -> bool {
        roles.contains(&Role::Admin) || self.roles.is_empty() || self.roles.iter().any(|r| roles.contains(r))
    }
}

/// A step out of a ticket's stage, as shown to the person who might take it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextStep<'a> {
    pub transition: &'a Transition,
    /// The guards that do not hold now.
    pub failing: Vec<Guard>,
    /// Open to the person's roles, and every guard holds but `note_given`, which
    /// is met by the note sent with the step itself.
    pub allowed: bool,
}

/// The stages of a ticket kind, the first being where a new ticket starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workflow {
    pub stages: Vec<Stage>,
    pub transitions: Vec<Transition>,
}

named_enum!(
    /// A condition a transition can require.
    Guard {
        TechnicianAssigned = "technician_assigned",
        DiagnosisRecorded = "diagnosis_recorded",
        ResolutionRecorded = "resolution_recorded",
        LabourRecorded = "labour_recorded",
        /// Every part issued to the ticket is accounted for as used or returned.
        PartsReconciled = "parts_reconciled",
        /// A photo or scan of the returned installation card is attached.
        InstallationCardReturned = "installation_card_returned",
        CallbackDone = "callback_done",
        ComplaintsResolved = "complaints_resolved",
        /// The person moving the ticket says why (e.g. cancelling).
        NoteGiven = "note_given",
    }
);

impl Guard {
    /// What the guard asks for, in words a clerk understands.
    pub fn explain(self) -> &'static str {
        match self {
            Guard::TechnicianAssigned => "a technician must be assigned",
            Guard::DiagnosisRecorded => "the diagnosis code must be recorded",
            Guard::ResolutionRecorded => "the resolution code must be recorded",
            Guard::LabourRecorded => "at least one labour line must be recorded",
            Guard::PartsReconciled => "every part issued must be recorded as used or returned",
            Guard::InstallationCardReturned => "the returned installation card must be attached",
            Guard::CallbackDone => "the callback to the customer must be done",
            Guard::ComplaintsResolved => "every complaint on the ticket must be resolved",
            Guard::NoteGiven => "a note saying why is required",
        }
    }

    pub fn holds(self, facts: &TicketFacts) -> bool {
        match self {
            Guard::TechnicianAssigned => facts.technician_assigned,
            Guard::DiagnosisRecorded => facts.diagnosis_recorded,
            Guard::ResolutionRecorded => facts.resolution_recorded,
            Guard::LabourRecorded => facts.labour_lines > 0,
            Guard::PartsReconciled => facts.unreconciled_parts == 0,
            Guard::InstallationCardReturned => facts.installation_card_returned,
            Guard::CallbackDone => facts.callback_done,
            Guard::ComplaintsResolved => facts.open_complaints == 0,
            Guard::NoteGiven => facts.note_given,
        }
    }
}

/// What is known of a ticket when someone tries to move it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TicketFacts {
    pub technician_assigned: bool,
    pub diagnosis_recorded: bool,
    pub resolution_recorded: bool,
    pub labour_lines: u32,
    /// Parts issued to the ticket not yet recorded as used or returned.
    pub unreconciled_parts: u32,
    pub installation_card_returned: bool,
    pub callback_done: bool,
    pub open_complaints: u32,
    pub note_given: bool,
}

/// Why a ticket may not move.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The ticket is closed: only an admin reopen changes it.
    Sealed,
    UnknownStage(String),
    /// The workflow has no such step; `allowed` lists where the ticket can go.
    NoSuchTransition {
        from: String,
        to: String,
        allowed: Vec<String>,
    },
    /// The step is reserved to other roles.
    RoleNotAllowed {
        roles: Vec<Role>,
    },
    /// The step exists but these conditions are not met.
    GuardsFailed(Vec<Guard>),
}

impl Workflow {
    pub fn initial(&self) -> Option<&Stage> {
        self.stages.first()
    }

    pub fn stage(&self, code: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.code == code)
    }

    /// The transitions out of a stage, with the guards each still fails, for
    /// showing a person with `roles` what they can do next and what is missing.
    pub fn next_steps<'a>(&'a self, from: &str, roles: &[Role], facts: &TicketFacts) -> Vec<NextStep<'a>> {
        self.transitions
            .iter()
            .filter(|t| t.from == from)
            .map(|t| {
                let failing: Vec<Guard> = t.guards.iter().copied().filter(|g| !g.holds(facts)).collect();
                let allowed = t.open_to(roles) && failing.iter().all(|g| *g == Guard::NoteGiven);
                NextStep { transition: t, failing, allowed }
            })
            .collect()
    }

    /// Does a step of this workflow wait for the callback? Then completing the
    /// work makes a callback task.
    pub fn asks_for_callback(&self) -> bool {
        self.transitions.iter().any(|t| t.guards.contains(&Guard::CallbackDone))
    }

    /// May a person with `roles` move a ticket in stage `from`, with `facts`, to `to`?
    pub fn check(&self, from: &str, to: &str, roles: &[Role], facts: &TicketFacts) -> Result<&Transition, Refusal> {
        if self.stage(from).is_some_and(|s| s.category == StageCategory::Closed) {
            return Err(Refusal::Sealed);
        }
        if self.stage(to).is_none() {
            return Err(Refusal::UnknownStage(to.to_owned()));
        }
        let Some(transition) = self.transitions.iter().find(|t| t.from == from && t.to == to) else {
            return Err(Refusal::NoSuchTransition {
                from: from.to_owned(),
                to: to.to_owned(),
                allowed: self.transitions.iter().filter(|t| t.from == from).map(|t| t.to.clone()).collect(),
            });
        };
        if !transition.open_to(roles) {
            return Err(Refusal::RoleNotAllowed { roles: transition.roles.clone() });
        }
        let failed: Vec<Guard> = transition.guards.iter().copied().filter(|g| !g.holds(facts)).collect();
        if !failed.is_empty() {
            return Err(Refusal::GuardsFailed(failed));
        }
        Ok(transition)
    }
}

/// One thing wrong with a workflow an admin submitted; `path` names the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkflowError {
    pub path: String,
    pub message: String,
}

fn is_code(s: &str) -> bool {
    (1..=32).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Checks a workflow before it is stored: unique stage codes, an open first stage,
/// a closed stage to end in, transitions between known stages and none out of a
/// closed stage, every stage reachable from the first and able to reach a close.
pub fn validate(workflow: &Workflow) -> Vec<WorkflowError> {
    let mut errors = Vec::new();
    let mut err = |path: String, message: &str| errors.push(WorkflowError { path, message: message.to_owned() });
    let mut codes = BTreeSet::new();
    for (i, stage) in workflow.stages.iter().enumerate() {
        if !is_code(&stage.code) {
            err(format!("stages[{i}].code"), "must be 1 to 32 lower-case letters, digits or _");
        }
        if !codes.insert(stage.code.as_str()) {
            err(format!("stages[{i}].code"), "is used by another stage");
        }
        if stage.names.get("en").is_none_or(|n| n.trim().is_empty()) {
            err(format!("stages[{i}].names"), "needs at least an English (en) name");
        }
    }
    match workflow.stages.first() {
        None => err("stages".into(), "a workflow needs stages"),
        Some(first) if first.category != StageCategory::Open => {
            err("stages[0].category".into(), "the first stage, where tickets start, must be open")
        }
        Some(_) => {}
    }
    if !workflow.stages.iter().any(|s| s.category == StageCategory::Closed) {
        err("stages".into(), "a workflow needs a closed stage to end in");
    }
    let mut pairs = BTreeSet::new();
    for (i, t) in workflow.transitions.iter().enumerate() {
        for (field, code) in [("from", &t.from), ("to", &t.to)] {
            if !codes.contains(code.as_str()) {
                err(format!("transitions[{i}].{field}"), "names no stage of this workflow");
            }
        }
        if t.from == t.to {
            err(format!("transitions[{i}].to"), "must differ from `from`");
        }
        if workflow.stage(&t.from).is_some_and(|s| s.category == StageCategory::Closed) {
            err(format!("transitions[{i}].from"), "a closed stage is final; reopening is an admin action");
        }
        if !pairs.insert((t.from.as_str(), t.to.as_str())) {
            err(format!("transitions[{i}]"), "the same step is defined twice");
        }
    }
    if errors.is_empty() {
        // Only a well-formed graph can be walked.
        for stage in unreachable_stages(workflow) {
            errors.push(WorkflowError {
                path: "transitions".into(),
                message: format!("stage `{stage}` cannot be reached from the first stage"),
            });
        }
        for stage in dead_ends(workflow) {
            errors.push(WorkflowError {
                path: "transitions".into(),
                message: format!("a ticket in stage `{stage}` could never be closed"),
            });
        }
    }
    errors
}

fn unreachable_stages(workflow: &Workflow) -> Vec<String> {
    let Some(first) = workflow.initial() else { return Vec::new() };
    let mut seen = BTreeSet::from([first.code.as_str()]);
    let mut queue = VecDeque::from([first.code.as_str()]);
    while let Some(at) = queue.pop_front() {
        for t in workflow.transitions.iter().filter(|t| t.from == at) {
            if seen.insert(t.to.as_str()) {
                queue.push_back(t.to.as_str());
            }
        }
    }
    workflow.stages.iter().filter(|s| !seen.contains(s.code.as_str())).map(|s| s.code.clone()).collect()
}

fn dead_ends(workflow: &Workflow) -> Vec<String> {
    // Walk backwards from every closed stage.
    let mut closes: BTreeSet<&str> =
        workflow.stages.iter().filter(|s| s.category == StageCategory::Closed).map(|s| s.code.as_str()).collect();
    let mut queue: VecDeque<&str> = closes.iter().copied().collect();
    while let Some(at) = queue.pop_front() {
        for t in workflow.transitions.iter().filter(|t| t.to == at) {
            if closes.insert(t.from.as_str()) {
                queue.push_back(t.from.as_str());
            }
        }
    }
    workflow.stages.iter().filter(|s| !closes.contains(s.code.as_str())).map(|s| s.code.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tickets::TicketKind;
    use crate::tickets::default_workflows::default_workflow;

    #[test]
    fn a_step_waiting_only_for_its_note_is_allowed_to_whom_it_is_open() {
        let wf = default_workflow(TicketKind::Repair);
        let cancel = |roles: &[Role]| {
            wf.next_steps("received", roles, &TicketFacts::default())
                .into_iter()
                .find(|s| s.transition.to == "cancelled")
                .map(|s| (s.failing, s.allowed))
        };
        assert_eq!(cancel(&[Role::Clerk]), Some((vec![Guard::NoteGiven], true)));
        assert_eq!(cancel(&[Role::Technician]), Some((vec![Guard::NoteGiven], false)));
        assert_eq!(cancel(&[Role::Admin]), Some((vec![Guard::NoteGiven], true)));
    }

    #[test]
    fn a_workflow_with_a_callback_step_asks_for_a_callback() {
        let mut wf = default_workflow(TicketKind::Repair);
        assert!(wf.asks_for_callback());
        for t in &mut wf.transitions {
            t.guards.retain(|g| *g != Guard::CallbackDone);
        }
        assert!(!wf.asks_for_callback());
    }
}
