//! The next steps of the ticket (`GET /tickets/{id}/transitions`): one button per
//! step the signed-in role may take, disabled with the reason in words when a guard
//! fails. A move is sent with the ticket's version (`If-Match`); a refusal shows the
//! problem, a success updates the stage, the buttons and the timeline in place.

use aftersales_api_types::auth::Permission;
use aftersales_api_types::problem::Problem;
use aftersales_api_types::tickets::{NextStep, TransitionRequest};
use aftersales_api_types::users::Role;
use leptos::prelude::*;

use super::TicketView;
use crate::api;
use crate::components::problem::{ProblemView, without_fields};
use crate::i18n::{I18n, t, use_i18n};
use crate::session::Session;

/// The guard that asks for a note: the note field below the buttons satisfies it.
const NOTE_GUARD: &str = "note_given";

/// The words of a guard; `None` for one this client does not know yet.
fn guard_key(guard: &str) -> Option<&'static str> {
    Some(match guard {
        "technician_assigned" => "ticket.guard.technician_assigned",
        "diagnosis_recorded" => "ticket.guard.diagnosis_recorded",
        "resolution_recorded" => "ticket.guard.resolution_recorded",
        "labour_recorded" => "ticket.guard.labour_recorded",
        "parts_reconciled" => "ticket.guard.parts_reconciled",
        "installation_card_returned" => "ticket.guard.installation_card_returned",
        "callback_done" => "ticket.guard.callback_done",
        "complaints_resolved" => "ticket.guard.complaints_resolved",
        "note_given" => "ticket.guard.note_given",
        _ => return None,
    })
}

/// A guard in words: ours if known, else the server's explanation.
fn guard_words(i18n: I18n, guard: &str, explanation: &str) -> String {
    guard_key(guard).map_or_else(|| explanation.to_owned(), |k| i18n.text(k).to_owned())
}

/// Whether the user's roles could ever take the step (admins always may).
fn role_may(session: Session, step: &NextStep) -> bool {
    if step.roles.is_empty() || session.has_any_role(&[Role::Admin]) {
        return true;
    }
    session.user().is_some_and(|u| {
        u.roles.iter().any(|r| {
            serde_json::to_value(r).ok().and_then(|v| v.as_str().map(|s| step.roles.iter().any(|x| x == s)))
                == Some(true)
        })
    })
}

#[component]
pub fn TransitionsSection(view: TicketView) -> impl IntoView {
    let session = view.session;
    move || session.may(Permission::WorkTickets).then(|| view! { <Steps view /> })
}

#[component]
fn Steps(view: TicketView) -> impl IntoView {
    let i18n = use_i18n();
    let session = view.session;
    let steps = LocalResource::new(move || {
        let _ = view.changes.get();
        api::ticket::next_steps(session, view.id)
    });
    let note = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let moved = RwSignal::new(None::<String>);
    let move_to = Action::new_local(move |to: &String| {
        let request = TransitionRequest {
            to: to.clone(),
            note: Some(note.get_untracked().trim().to_owned()).filter(|n| !n.is_empty()),
        };
        let version = view.ticket.with_untracked(|t| t.version);
        async move {
            match api::ticket::transition(session, view.id, version, &request).await {
                Ok(ticket) => {
                    moved.try_set(Some(ticket.stage.clone()));
                    note.try_set(String::new());
                    view.changed(ticket);
                }
                Err(e) => view.refused(problem, e.problem),
            }
        }
    });
    let buttons = move || match steps.get() {
        None => view! { <p class="muted">{t("table.loading")}</p> }.into_any(),
        Some(Err(e)) => view! { <ProblemView problem=e.problem /> }.into_any(),
        Some(Ok(steps)) => {
            let steps: Vec<NextStep> = steps.into_iter().filter(|s| role_may(session, s)).collect();
            if steps.is_empty() {
                return view! { <p id="ticket-no-steps" class="muted">{t("ticket.no_steps")}</p> }.into_any();
            }
            view! {
                <ul class="ticket-steps plain-list">
                    {steps.into_iter().map(|step| view! { <StepButton view step note problem moved move_to /> }).collect_view()}
                </ul>
            }
            .into_any()
        }
    };
    let shown_problem = move || {
        problem.get().map(|p| {
            let guards = (p.code == "guard_failed").then(|| {
                p.errors
                    .iter()
                    .map(|e| {
                        let (field, message) = (e.field.clone(), e.message.clone());
                        let code = field.clone();
                        view! { <li data-guard=code>{move || guard_words(i18n, &field, &message)}</li> }
                    })
                    .collect_view()
            });
            view! {
                <div id="ticket-move-problem" class="alert" role="alert">
                    <ProblemView problem=without_fields(&p) />
                    <ul class="plain-list">{guards}</ul>
                </div>
            }
        })
    };
    let notice = move || {
        moved.get().map(|stage| {
            view! {
                <p id="ticket-moved" class="notice" role="status">
                    {move || i18n.format("ticket.moved", &[("stage", &view.stage_name(i18n, &stage))])}
                </p>
            }
        })
    };
    view! {
        <section id="ticket-steps" class="card ticket-section" aria-labelledby="ticket-steps-title">
            <h2 id="ticket-steps-title">{t("ticket.next_steps")}</h2>
            {notice}
            {shown_problem}
            {buttons}
            <div class="field">
                <label for="ticket-step-note">{t("ticket.step_note")}</label>
                <textarea id="ticket-step-note" rows="2" bind:value=note></textarea>
            </div>
        </section>
    }
}

#[component]
fn StepButton(
    view: TicketView,
    step: NextStep,
    note: RwSignal<String>,
    problem: RwSignal<Option<Problem>>,
    moved: RwSignal<Option<String>>,
    move_to: Action<String, ()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let failing: Vec<(String, String)> =
        step.guards.iter().filter(|g| !g.holds).map(|g| (g.guard.clone(), g.explanation.clone())).collect();
    // A step held back only by its note is taken once the note is written.
    let needs_note_only = !failing.is_empty() && failing.iter().all(|(g, _)| g == NOTE_GUARD);
    let role_ok = step.allowed || !failing.is_empty();
    let blocked = !step.allowed && !needs_note_only;
    let disabled =
        move || blocked || (needs_note_only && note.with(|n| n.trim().is_empty())) || move_to.pending().get();
    let to = step.to.clone();
    let click = move |_| {
        problem.set(None);
        moved.set(None);
        move_to.dispatch_local(to.clone());
    };
    let code = step.to.clone();
    let label = move || i18n.format("ticket.move_to", &[("stage", &view.stage_name(i18n, &code))]);
    let reasons = failing
        .into_iter()
        .map(|(guard, explanation)| {
            let g = guard.clone();
            // The card is attached a section further down: the reason links there.
            let attach = (guard == "installation_card_returned").then(|| {
                view! { " " <a href="#ticket-attachments" class="attach-card">{t("attachments.card_missing")}</a> }
            });
            view! { <li data-guard=g>{move || guard_words(i18n, &guard, &explanation)}{attach}</li> }
        })
        .collect_view();
    let forbidden = (!role_ok).then(|| view! { <li>{t("ticket.role_not_allowed")}</li> });
    view! {
        <li class="ticket-step" data-to=step.to.clone() data-allowed=step.allowed.to_string()>
            <button type="button" class="button" prop:disabled=disabled on:click=click aria-describedby=format!("step-why-{}", step.to)>
                {label}
            </button>
            <ul class="step-why muted" id=format!("step-why-{}", step.to)>{reasons}{forbidden}</ul>
        </li>
    }
}
