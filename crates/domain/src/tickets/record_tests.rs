//! Tests of `record.rs`, kept apart so the rules read on one screen.
use uuid::Uuid;

use super::*;
use crate::tickets::default_workflows::default_workflow;

fn at(hour: u32) -> DateTime<Utc> {
    use chrono::TimeZone;
    Utc.with_ymd_and_hms(2026, 3, 2, hour, 0, 0).single().unwrap_or_default()
}

fn ticket_in(workflow: &Workflow, stage: &str) -> Ticket {
    let category = workflow.stage(stage).map_or(StageCategory::Open, |s| s.category);
    Ticket {
        id: Uuid::nil().into(),
        number: "RO-HN01-2026-000001".into(),
        branch_id: Uuid::nil().into(),
        kind: TicketKind::Repair,
        stage: stage.into(),
        stage_category: category,
        channel: Channel::Counter,
        origin: Origin::OwnIntake,
        priority: Priority::Normal,
        customer_id: Uuid::nil().into(),
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
    let (first, second) = (UserId::from(Uuid::from_u128(1)), UserId::from(Uuid::from_u128(2)));
    let window = (at(13), at(15));
    assert_eq!(t.assign(first, window, at(9)), Assignment::Dispatched);
    assert_eq!(t.assign(first, (at(14), at(16)), at(10)), Assignment::Rescheduled);
    assert_eq!(t.assign(second, window, at(11)), Assignment::Reassigned);
    assert_eq!(
        (t.technician_id, t.appointment_from, t.appointment_to, t.dispatched_at),
        (Some(second), Some(at(13)), Some(at(15)), Some(at(11)))
    );
}
