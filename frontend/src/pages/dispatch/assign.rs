//! Assigning a waiting ticket from the board, or moving a technician's job to
//! another one with the reason why: a technician and a time window on the board's
//! day (in the branch's zone), sent with `If-Match` of the ticket as read just
//! before. When dispatch warns, the warnings are shown in plain words and the same
//! choice can be sent again with a reason to override them.

use aftersales_api_types::dispatch::{BoardTechnician, DispatchRequest, DispatchWarning};
use aftersales_api_types::problem::{FieldError, Problem};
use chrono::{NaiveDate, NaiveTime, Timelike};
use leptos::prelude::*;
use uuid::Uuid;

use super::zone::{instant, local, parse_clock};
use super::{BoardView, Picked};
use crate::api::{self, ApiError};
use crate::components::dispatch_warnings::{DispatchWarnings, warnings_of};
use crate::components::problem::{FieldErrors, ProblemView, names_field, without_fields};
use crate::i18n::{I18n, t, use_i18n};
use crate::tr;

/// One attempt: the request, and for whom (for the success message).
#[derive(Clone)]
struct Attempt {
    ticket: Uuid,
    request: DispatchRequest,
}

#[component]
pub fn AssignForm(
    board: BoardView,
    picked: Picked,
    technicians: Vec<BoardTechnician>,
    zone: String,
    day: NaiveDate,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = board.session;
    // The customer's wish when it falls on this day, else a morning slot.
    let wish = |at: Option<chrono::DateTime<chrono::Utc>>, fallback: &str| {
        at.map(|a| local(&zone, a))
            .filter(|w| w.date() == day)
            .map_or_else(|| fallback.to_owned(), |w| format!("{:02}:{:02}", w.hour(), w.minute()))
    };
    let Picked { job, from: moving_from } = picked;
    let moving = moving_from.is_some();
    // A job being moved keeps its time unless it is changed; a waiting one starts
    // from the customer's wish.
    let (start, end) =
        if moving { (job.appointment_from, job.appointment_to) } else { (job.requested_from, job.requested_to) };
    let technician = RwSignal::new(String::new());
    let from = RwSignal::new(wish(start, "09:00"));
    let to = RwSignal::new(wish(end, "11:00"));
    let reason = RwSignal::new(String::new());
    let override_reason = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let warnings = RwSignal::new(Vec::<DispatchWarning>::new());
    let names: StoredValue<Vec<(Uuid, String)>> =
        StoredValue::new(technicians.iter().map(|t| (t.technician_id, t.display_name.clone())).collect());
    let number = job.number.clone();

    let send = Action::new_local(move |attempt: &Attempt| {
        let Attempt { ticket, request } = attempt.clone();
        let number = number.clone();
        async move {
            let result = async {
                let current = api::reference::ticket(session, ticket).await?;
                api::dispatch::dispatch(session, ticket, current.version, &request).await
            }
            .await;
            match result {
                Ok(_) => {
                    let name = names
                        .with_value(|n| n.iter().find(|(id, _)| *id == request.technician_id).map(|(_, n)| n.clone()));
                    board.assigned.try_set(Some((number, name.unwrap_or_default())));
                    board.picked.try_set(None);
                    board.changes.try_update(|n| *n += 1);
                }
                Err(ApiError { problem: p }) => match warnings_of(&p) {
                    Some(found) => {
                        warnings.try_set(found);
                        problem.try_set(None);
                    }
                    None => {
                        problem.try_set(Some(p));
                    }
                },
            }
        }
    });

    let zone = StoredValue::new(zone);
    let ticket = job.ticket_id;
    let attempt = move |overriding: bool| {
        let checked = check(
            i18n,
            &technician.get_untracked(),
            (&from.get_untracked(), &to.get_untracked()),
            moving.then(|| reason.get_untracked()),
            overriding.then(|| override_reason.get_untracked()),
        );
        match checked {
            Ok(Checked { technician_id, start, end, reassign_reason, override_reason: reason }) => {
                let at = |time: NaiveTime| zone.with_value(|z| instant(z, day.and_time(time)));
                problem.set(None);
                send.dispatch_local(Attempt {
                    ticket,
                    request: DispatchRequest {
                        technician_id,
                        appointment_from: at(start),
                        appointment_to: at(end),
                        reason: reassign_reason,
                        override_warnings: reason.is_some(),
                        override_reason: reason,
                    },
                });
            }
            Err(found) => problem.set(Some(found)),
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // A new choice is checked afresh; its warnings may differ.
        warnings.set(Vec::new());
        attempt(false);
    };
    let cancel = move |_| board.picked.set(None);
    let problem_signal: Signal<Option<Problem>> = problem.into();
    let invalid = move |field: &'static str| move || problem.with(|p| names_field(p.as_ref(), field)).to_string();
    let form_problem = move || {
        problem.get().map(|p| view! { <div id="assign-problem" class="alert" role="alert"><ProblemView problem=without_fields(&p) /></div> })
    };
    let options = technicians
        .into_iter()
        .filter(|t| Some(t.technician_id) != moving_from)
        .map(|t| {
            let label = format!("{} ({})", t.display_name, t.username);
            view! { <option value=t.technician_id.to_string() data-username=t.username>{label}</option> }
        })
        .collect_view();
    let pending = move || send.pending().get();
    let override_box = move || {
        let shown = warnings.get();
        (!shown.is_empty()).then(|| {
            view! {
                <div id="assign-warnings" class="card warn-card">
                    <DispatchWarnings warnings=shown />
                    <div class="field">
                        <label for="assign-override-reason">{t("dispatch.override_reason")}</label>
                        <input id="assign-override-reason" type="text" maxlength="2000" autocomplete="off"
                            bind:value=override_reason aria-invalid=invalid("override_reason")
                            aria-describedby="assign-override-reason-error" />
                        <FieldErrors problem=problem_signal field="override_reason" id="assign-override-reason" />
                    </div>
                    <button id="assign-override" type="button" class="button primary" disabled=pending
                        on:click=move |_| attempt(true)>
                        {t("dispatch.override")}
                    </button>
                </div>
            }
        })
    };
    view! {
        <form id="assign-form" class="card assign-form" on:submit=submit novalidate>
            <h2 id="assign-title">
                {if moving {
                    tr!("dispatch.move_title", number = job.number.clone()).into_any()
                } else {
                    tr!("dispatch.assign_title", number = job.number.clone()).into_any()
                }}
            </h2>
            {form_problem}
            <div class="field">
                <label for="assign-technician">{t("dispatch.technician")}</label>
                <select id="assign-technician" bind:value=technician aria-invalid=invalid("technician_id")
                    aria-describedby="assign-technician-error">
                    <option value="">{t("dispatch.choose_technician")}</option>
                    {options}
                </select>
                <FieldErrors problem=problem_signal field="technician_id" id="assign-technician" />
            </div>
            <div class="assign-window">
                <div class="field">
                    <label for="assign-from">{t("dispatch.from")}</label>
                    <input id="assign-from" type="time" bind:value=from aria-invalid=invalid("appointment_from")
                        aria-describedby="assign-from-error" />
                    <FieldErrors problem=problem_signal field="appointment_from" id="assign-from" />
                </div>
                <div class="field">
                    <label for="assign-to">{t("dispatch.to")}</label>
                    <input id="assign-to" type="time" bind:value=to aria-invalid=invalid("appointment_to")
                        aria-describedby="assign-to-error" />
                    <FieldErrors problem=problem_signal field="appointment_to" id="assign-to" />
                </div>
            </div>
            {moving.then(|| view! {
                <div class="field">
                    <label for="assign-reason">{t("dispatch.move_reason")}</label>
                    <input id="assign-reason" type="text" maxlength="2000" autocomplete="off" bind:value=reason
                        aria-invalid=invalid("reason") aria-describedby="assign-reason-error" />
                    <FieldErrors problem=problem_signal field="reason" id="assign-reason" />
                </div>
            })}
            {override_box}
            <div class="actions">
                <button id="assign-submit" type="submit" class="button primary" disabled=pending>
                    {move || i18n.text(if pending() { "dispatch.assigning" } else { "dispatch.assign" })}
                </button>
                <button id="assign-cancel" type="button" class="button secondary" on:click=cancel>
                    {t("dispatch.cancel")}
                </button>
            </div>
        </form>
    }
}

/// A choice ready to send.
struct Checked {
    technician_id: Uuid,
    start: NaiveTime,
    end: NaiveTime,
    reassign_reason: Option<String>,
    override_reason: Option<String>,
}

/// The choice, or a problem naming every field that is not right yet. The
/// reasons, when asked for (moving a job; overriding warnings), must not be blank.
fn check(
    i18n: I18n,
    technician: &str,
    (from, to): (&str, &str),
    reassign_reason: Option<String>,
    override_reason: Option<String>,
) -> Result<Checked, Problem> {
    let mut errors = Vec::new();
    // The message is the key: `FieldErrors` shows it in the language of the moment.
    let mut fail = |field: &str, key: &'static str| {
        errors.push(FieldError::new(field.to_owned(), "invalid".to_owned(), key.to_owned()));
    };
    let technician = Uuid::parse_str(technician).ok();
    if technician.is_none() {
        fail("technician_id", "dispatch.error.technician");
    }
    let (start, end) = (parse_clock(from), parse_clock(to));
    if start.is_none() {
        fail("appointment_from", "dispatch.error.time");
    }
    match (start, end) {
        (_, None) => fail("appointment_to", "dispatch.error.time"),
        (Some(s), Some(e)) if e < s => fail("appointment_to", "dispatch.error.window"),
        _ => {}
    }
    let reassign_reason = reassign_reason.map(|r| r.trim().to_owned());
    if reassign_reason.as_deref() == Some("") {
        fail("reason", "dispatch.error.move_reason");
    }
    let override_reason = override_reason.map(|r| r.trim().to_owned());
    if override_reason.as_deref() == Some("") {
        fail("override_reason", "dispatch.error.override_reason");
    }
    match (technician, start, end, errors.is_empty()) {
        (Some(technician_id), Some(start), Some(end), true) => {
            Ok(Checked { technician_id, start, end, reassign_reason, override_reason })
        }
        _ => Err(Problem {
            problem_type: "about:blank".to_owned(),
            title: i18n.text("problem.validation_failed").to_owned(),
            status: 422,
            code: "validation_failed".to_owned(),
            detail: None,
            errors,
        }),
    }
}
