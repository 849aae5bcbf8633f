//! The workflow being edited: one signal per field, so typing never redraws a row,
//! and the list signals only change when a stage or step is added, moved or removed.

use std::collections::BTreeMap;

use aftersales_api_types::problem::Problem;
use aftersales_api_types::tickets::StageCategory;
use aftersales_api_types::users::Role;
use aftersales_api_types::workflows::{Guard, StageDto, TransitionDto, WorkflowBody, WorkflowDto};
use leptos::prelude::*;

/// The languages a stage is named in, in the order of the form.
pub const LANGS: [&str; 4] = ["en", "vi", "fa", "zh"];

/// Every guard a step can require, in the order of the form.
pub const GUARDS: [Guard; 9] = [
    Guard::TechnicianAssigned,
    Guard::DiagnosisRecorded,
    Guard::ResolutionRecorded,
    Guard::LabourRecorded,
    Guard::PartsReconciled,
    Guard::InstallationCardReturned,
    Guard::CallbackDone,
    Guard::ComplaintsResolved,
    Guard::NoteGiven,
];

/// Every role a step can be allowed to, in the order of the form.
pub const ROLES: [Role; 7] =
    [Role::Admin, Role::Manager, Role::Clerk, Role::Dispatcher, Role::Technician, Role::Warehouse, Role::Finance];

pub fn guard_code(guard: Guard) -> &'static str {
    match guard {
        Guard::TechnicianAssigned => "technician_assigned",
        Guard::DiagnosisRecorded => "diagnosis_recorded",
        Guard::ResolutionRecorded => "resolution_recorded",
        Guard::LabourRecorded => "labour_recorded",
        Guard::PartsReconciled => "parts_reconciled",
        Guard::InstallationCardReturned => "installation_card_returned",
        Guard::CallbackDone => "callback_done",
        Guard::ComplaintsResolved => "complaints_resolved",
        Guard::NoteGiven => "note_given",
    }
}

pub fn guard_key(guard: Guard) -> &'static str {
    match guard {
        Guard::TechnicianAssigned => "workflows.guard.technician_assigned",
        Guard::DiagnosisRecorded => "workflows.guard.diagnosis_recorded",
        Guard::ResolutionRecorded => "workflows.guard.resolution_recorded",
        Guard::LabourRecorded => "workflows.guard.labour_recorded",
        Guard::PartsReconciled => "workflows.guard.parts_reconciled",
        Guard::InstallationCardReturned => "workflows.guard.installation_card_returned",
        Guard::CallbackDone => "workflows.guard.callback_done",
        Guard::ComplaintsResolved => "workflows.guard.complaints_resolved",
        Guard::NoteGiven => "workflows.guard.note_given",
    }
}

pub fn category_code(category: StageCategory) -> &'static str {
    match category {
        StageCategory::Open => "open",
        StageCategory::InProgress => "in_progress",
        StageCategory::Waiting => "waiting",
        StageCategory::Done => "done",
        StageCategory::Closed => "closed",
    }
}

pub fn role_code(role: Role) -> &'static str {
    match role {
        Role::Admin => "admin",
        Role::Manager => "manager",
        Role::Clerk => "clerk",
        Role::Dispatcher => "dispatcher",
        Role::Technician => "technician",
        Role::Warehouse => "warehouse",
        Role::Finance => "finance",
    }
}

/// One stage in the editor. `key` tells rows apart while they move; `stored`
/// marks a stage the server already has (its code is kept: tickets store it).
#[derive(Debug, Clone, Copy)]
pub struct StageDraft {
    pub key: u32,
    pub stored: bool,
    pub code: RwSignal<String>,
    pub category: RwSignal<StageCategory>,
    pub names: [RwSignal<String>; 4],
}

/// One step between two stages in the editor.
#[derive(Debug, Clone, Copy)]
pub struct TransitionDraft {
    pub key: u32,
    pub from: RwSignal<String>,
    pub to: RwSignal<String>,
    pub roles: RwSignal<Vec<Role>>,
    pub guards: RwSignal<Vec<Guard>>,
}

/// The whole editor: the rows, the version it was read at, and the last refusal.
#[derive(Debug, Clone, Copy)]
pub struct Draft {
    pub stages: RwSignal<Vec<StageDraft>>,
    pub transitions: RwSignal<Vec<TransitionDraft>>,
    pub version: RwSignal<i64>,
    pub problem: RwSignal<Option<Problem>>,
    next_key: StoredValue<u32>,
}

impl Draft {
    pub fn new(workflow: &WorkflowDto) -> Self {
        let draft = Self {
            stages: RwSignal::new(Vec::new()),
            transitions: RwSignal::new(Vec::new()),
            version: RwSignal::new(0),
            problem: RwSignal::new(None),
            next_key: StoredValue::new(0),
        };
        draft.load(workflow);
        draft
    }

    fn key(&self) -> u32 {
        self.next_key.update_value(|k| *k += 1);
        self.next_key.get_value()
    }

    /// Fills the editor from what the server has.
    pub fn load(&self, workflow: &WorkflowDto) {
        let stages = workflow.stages.iter().map(|s| self.stage_from(s, true)).collect();
        let transitions = workflow.transitions.iter().map(|t| self.transition_from(t)).collect();
        self.stages.set(stages);
        self.transitions.set(transitions);
        self.version.set(workflow.version);
    }

    fn stage_from(&self, stage: &StageDto, stored: bool) -> StageDraft {
        let name = |lang: &str| RwSignal::new(stage.names.get(lang).cloned().unwrap_or_default());
        StageDraft {
            key: self.key(),
            stored,
            code: RwSignal::new(stage.code.clone()),
            category: RwSignal::new(stage.category),
            names: LANGS.map(name),
        }
    }

    fn transition_from(&self, t: &TransitionDto) -> TransitionDraft {
        TransitionDraft {
            key: self.key(),
            from: RwSignal::new(t.from.clone()),
            to: RwSignal::new(t.to.clone()),
            roles: RwSignal::new(t.roles.clone()),
            guards: RwSignal::new(t.guards.clone()),
        }
    }

    /// A new, empty stage at the end.
    pub fn add_stage(&self) {
        let stage = StageDto { code: String::new(), category: StageCategory::InProgress, names: BTreeMap::new() };
        let row = self.stage_from(&stage, false);
        self.stages.update(|s| s.push(row));
    }

    /// A new step at the end, from the first stage to the second.
    pub fn add_transition(&self) {
        let codes = self.codes_untracked();
        let t = TransitionDto {
            from: codes.first().cloned().unwrap_or_default(),
            to: codes.get(1).cloned().unwrap_or_default(),
            roles: Vec::new(),
            guards: Vec::new(),
        };
        let row = self.transition_from(&t);
        self.transitions.update(|list| list.push(row));
    }

    /// Moves a stage up (`-1`) or down (`+1`).
    pub fn move_stage(&self, key: u32, by: isize) {
        self.stages.update(|list| {
            if let Some(at) = list.iter().position(|s| s.key == key) {
                let to = at.saturating_add_signed(by);
                if to < list.len() && to != at {
                    list.swap(at, to);
                }
            }
        });
    }

    pub fn remove_stage(&self, key: u32) {
        self.stages.update(|list| list.retain(|s| s.key != key));
    }

    pub fn remove_transition(&self, key: u32) {
        self.transitions.update(|list| list.retain(|t| t.key != key));
    }

    /// The stage codes in order (reactive).
    pub fn codes(&self) -> Vec<String> {
        self.stages.with(|list| list.iter().map(|s| s.code.get()).collect())
    }

    fn codes_untracked(&self) -> Vec<String> {
        self.stages.with_untracked(|list| list.iter().map(|s| s.code.get_untracked()).collect())
    }

    /// What is sent: names left empty are left out.
    pub fn body(&self) -> WorkflowBody {
        let stages = self.stages.with_untracked(|list| {
            list.iter()
                .map(|s| StageDto {
                    code: s.code.get_untracked().trim().to_owned(),
                    category: s.category.get_untracked(),
                    names: LANGS
                        .iter()
                        .zip(s.names.iter())
                        .filter_map(|(lang, name)| {
                            let name = name.get_untracked().trim().to_owned();
                            (!name.is_empty()).then(|| ((*lang).to_owned(), name))
                        })
                        .collect(),
                })
                .collect()
        });
        let transitions = self.transitions.with_untracked(|list| {
            list.iter()
                .map(|t| TransitionDto {
                    from: t.from.get_untracked(),
                    to: t.to.get_untracked(),
                    roles: ROLES.into_iter().filter(|r| t.roles.with_untracked(|x| x.contains(r))).collect(),
                    guards: GUARDS.into_iter().filter(|g| t.guards.with_untracked(|x| x.contains(g))).collect(),
                })
                .collect()
        });
        WorkflowBody { stages, transitions }
    }

    /// The position of a stage now (reactive), for the field paths of the API.
    pub fn stage_index(&self, key: u32) -> Option<usize> {
        self.stages.with(|list| list.iter().position(|s| s.key == key))
    }

    pub fn transition_index(&self, key: u32) -> Option<usize> {
        self.transitions.with(|list| list.iter().position(|t| t.key == key))
    }

    /// The server's messages for one field path (reactive).
    pub fn messages(&self, path: &str) -> Vec<String> {
        self.problem.with(|p| {
            p.as_ref()
                .map(|p| p.errors.iter().filter(|e| e.field == path).map(|e| e.message.clone()).collect())
                .unwrap_or_default()
        })
    }
}

/// Whether the editor shows a message of this path next to a field; the others
/// are listed at the top of the form.
pub fn placed(path: &str) -> bool {
    if matches!(path, "stages" | "transitions") {
        return true;
    }
    let fields: &[&str] = if path.starts_with("stages[") {
        &[".code", ".names", ".category"]
    } else if path.starts_with("transitions[") {
        &[".from", ".to", "]"]
    } else {
        return false;
    };
    fields.iter().any(|f| path.ends_with(f))
}
