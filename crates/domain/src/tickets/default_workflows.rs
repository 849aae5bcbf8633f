//! The workflows a new installation starts with, one per ticket kind. Admins
//! change them later; these are what most service networks run on paper today.
use std::collections::BTreeMap;

use super::workflow::{Guard, Stage, Transition, Workflow};
use super::{StageCategory, TicketKind};
use crate::access::Role;

fn stage(code: &str, category: StageCategory, names: [&str; 4]) -> Stage {
    let names = ["en", "vi", "fa", "zh"].into_iter().zip(names).map(|(l, n)| (l.to_owned(), n.to_owned()));
    Stage { code: code.to_owned(), category, names: BTreeMap::from_iter(names) }
}

fn step(from: &str, to: &str, roles: &[Role], guards: &[Guard]) -> Transition {
    Transition { from: from.to_owned(), to: to.to_owned(), roles: roles.to_vec(), guards: guards.to_vec() }
}

/// The office: talks to customers, closes and cancels.
const OFFICE: &[Role] = &[Role::Manager, Role::Clerk, Role::Dispatcher];

fn received() -> Stage {
    stage("received", StageCategory::Open, ["Received", "Đã tiếp nhận", "دریافت شده", "已接收"])
}
fn completed() -> Stage {
    stage("completed", StageCategory::Done, ["Completed", "Hoàn thành", "انجام شده", "已完成"])
}
fn callback() -> Stage {
    stage("callback", StageCategory::Done, ["Callback", "Gọi lại khách hàng", "تماس پیگیری", "回访"])
}
fn closed() -> Stage {
    stage("closed", StageCategory::Closed, ["Closed", "Đã đóng", "بسته شده", "已关闭"])
}
fn cancelled() -> Stage {
    stage("cancelled", StageCategory::Closed, ["Cancelled", "Đã hủy", "لغو شده", "已取消"])
}
fn in_service() -> Stage {
    stage("in_service", StageCategory::InProgress, ["In service", "Đang thực hiện", "در حال انجام", "服务中"])
}

/// The end every kind shares: completed → callback → closed, the callback done first.
fn callback_and_close() -> Vec<Transition> {
    vec![step("completed", "callback", OFFICE, &[]), step("callback", "closed", OFFICE, &[Guard::CallbackDone])]
}

fn cancel_from(stages: &[&str]) -> Vec<Transition> {
    stages.iter().map(|from| step(from, "cancelled", OFFICE, &[Guard::NoteGiven])).collect()
}

pub fn default_workflow(kind: TicketKind) -> Workflow {
    match kind {
        TicketKind::Repair => Workflow {
            stages: vec![
                received(),
                stage("diagnosed", StageCategory::InProgress, ["Diagnosed", "Đã chẩn đoán", "عیب‌یابی شده", "已诊断"]),
                stage(
                    "waiting_parts",
                    StageCategory::Waiting,
                    ["Waiting for parts", "Chờ linh kiện", "در انتظار قطعه", "等待配件"],
                ),
                stage("in_repair", StageCategory::InProgress, ["In repair", "Đang sửa chữa", "در حال تعمیر", "维修中"]),
                completed(),
                callback(),
                closed(),
                cancelled(),
            ],
            transitions: [
                vec![
                    step("received", "diagnosed", &[], &[Guard::TechnicianAssigned, Guard::DiagnosisRecorded]),
                    step("diagnosed", "waiting_parts", &[], &[]),
                    step("diagnosed", "in_repair", &[], &[]),
                    step("waiting_parts", "in_repair", &[], &[]),
                    step(
                        "in_repair",
                        "completed",
                        &[],
                        &[Guard::ResolutionRecorded, Guard::LabourRecorded, Guard::PartsReconciled],
                    ),
                    // A callback that finds the unit still faulty sends it back to the bench.
                    step("callback", "in_repair", OFFICE, &[Guard::NoteGiven]),
                ],
                callback_and_close(),
                cancel_from(&["received", "diagnosed", "waiting_parts"]),
            ]
            .concat(),
        },
        TicketKind::Installation => Workflow {
            stages: vec![
                stage("unprocessed", StageCategory::Open, ["Unprocessed", "Chưa xử lý", "پردازش نشده", "未处理"]),
                in_service(),
                completed(),
                callback(),
                closed(),
                cancelled(),
            ],
            transitions: [
                vec![
                    step("unprocessed", "in_service", &[], &[Guard::TechnicianAssigned]),
                    step("in_service", "completed", &[], &[Guard::InstallationCardReturned, Guard::PartsReconciled]),
                ],
                callback_and_close(),
                cancel_from(&["unprocessed", "in_service"]),
            ]
            .concat(),
        },
        TicketKind::Maintenance => Workflow {
            stages: vec![
                stage("scheduled", StageCategory::Open, ["Scheduled", "Đã lên lịch", "زمان‌بندی شده", "已排期"]),
                in_service(),
                completed(),
                callback(),
                closed(),
                cancelled(),
            ],
            transitions: [
                vec![
                    step("scheduled", "in_service", &[], &[Guard::TechnicianAssigned]),
                    step("in_service", "completed", &[], &[Guard::LabourRecorded, Guard::PartsReconciled]),
                ],
                callback_and_close(),
                cancel_from(&["scheduled", "in_service"]),
            ]
            .concat(),
        },
        TicketKind::ReturnExchange => Workflow {
            stages: vec![
                received(),
                stage("inspected", StageCategory::InProgress, ["Inspected", "Đã kiểm tra", "بازرسی شده", "已检验"]),
                completed(),
                closed(),
                cancelled(),
            ],
            transitions: vec![
                step("received", "inspected", &[], &[Guard::DiagnosisRecorded]),
                step("inspected", "completed", OFFICE, &[Guard::ResolutionRecorded]),
                step("completed", "closed", OFFICE, &[Guard::ComplaintsResolved]),
                step("received", "cancelled", OFFICE, &[Guard::NoteGiven]),
                step("inspected", "cancelled", OFFICE, &[Guard::NoteGiven]),
            ],
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tickets::workflow::{Refusal, TicketFacts, validate};

    #[test]
    fn every_default_workflow_is_valid_and_named_in_four_languages() {
        for &kind in TicketKind::ALL {
            let wf = default_workflow(kind);
            assert_eq!(validate(&wf), vec![], "{kind:?}");
            for s in &wf.stages {
                assert_eq!(s.names.len(), 4, "{kind:?} {}", s.code);
            }
        }
    }

    #[test]
    fn a_repair_cannot_complete_before_labour_and_resolution_are_recorded() {
        let wf = default_workflow(TicketKind::Repair);
        let facts = TicketFacts { technician_assigned: true, ..Default::default() };
        assert_eq!(
            wf.check("in_repair", "completed", &[Role::Technician], &facts),
            Err(Refusal::GuardsFailed(vec![Guard::ResolutionRecorded, Guard::LabourRecorded]))
        );
        let done = TicketFacts { resolution_recorded: true, labour_lines: 1, ..facts };
        assert!(wf.check("in_repair", "completed", &[Role::Technician], &done).is_ok());
    }

    #[test]
    fn a_technician_cannot_close_a_ticket_and_nobody_moves_a_closed_one() {
        let wf = default_workflow(TicketKind::Repair);
        let facts = TicketFacts { callback_done: true, ..Default::default() };
        assert!(matches!(
            wf.check("callback", "closed", &[Role::Technician], &facts),
            Err(Refusal::RoleNotAllowed { .. })
        ));
        assert!(wf.check("callback", "closed", &[Role::Clerk], &facts).is_ok());
        assert_eq!(wf.check("closed", "in_repair", &[Role::Admin], &facts), Err(Refusal::Sealed));
    }

    #[test]
    fn skipping_a_stage_is_refused_naming_the_allowed_ones() {
        let wf = default_workflow(TicketKind::Installation);
        let Err(Refusal::NoSuchTransition { allowed, .. }) =
            wf.check("unprocessed", "closed", &[Role::Admin], &TicketFacts::default())
        else {
            panic!("expected NoSuchTransition");
        };
        assert_eq!(allowed, vec!["in_service", "cancelled"]);
    }
}
