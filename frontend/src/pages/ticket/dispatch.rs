//! Dispatch: send a technician of the ticket's branch for an appointment window
//! (`POST /tickets/{id}/dispatch`). Warnings the server raises (skills, load,
//! branch) are shown in words, and the dispatcher may override them with a reason.

use aftersales_api_types::auth::Permission;
use aftersales_api_types::dispatch::DispatchRequest;
use aftersales_api_types::problem::Problem;
use leptos::prelude::*;
use uuid::Uuid;

use super::TicketView;
use crate::api;
use crate::components::problem::{FieldErrors, ProblemView, browser_problem, without_fields};
use crate::i18n::date::today;
use crate::i18n::{I18n, local_instant, t, use_i18n};

/// The words of a dispatch warning; `None` for one this client does not know yet.
fn warning_key(code: &str) -> Option<&'static str> {
    Some(match code {
        "outside_branch" => "ticket.warning.outside_branch",
        "missing_skill" => "ticket.warning.missing_skill",
        "over_daily_load" => "ticket.warning.over_daily_load",
        _ => return None,
    })
}

/// A warning in words: ours if known, else the server's message.
fn warning_words(i18n: I18n, code: &str, message: &str) -> String {
    warning_key(code).map_or_else(|| message.to_owned(), |k| i18n.text(k).to_owned())
}

#[component]
pub fn DispatchSection(view: TicketView) -> impl IntoView {
    let session = view.session;
    // Only a change of these re-creates the form (a dispatch changes the ticket).
    let shown = Memo::new(move |_| !view.ticket.with(|t| t.sealed) && session.may(Permission::DispatchTickets));
    move || shown.get().then(|| view! { <DispatchForm view /> })
}

#[component]
fn DispatchForm(view: TicketView) -> impl IntoView {
    let i18n = use_i18n();
    let session = view.session;
    let branch_id = view.ticket.with_untracked(|t| t.branch_id);
    let technicians = LocalResource::new(move || api::reference::technicians(session, Some(branch_id), true));
    let technician =
        RwSignal::new(view.ticket.with_untracked(|t| t.technician_id.map(|id| id.to_string())).unwrap_or_default());
    let day = RwSignal::new(i18n.date_input_value(today()));
    let from = RwSignal::new("09:00".to_owned());
    let to = RwSignal::new("11:00".to_owned());
    let reason = RwSignal::new(String::new());
    let override_reason = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let warnings = RwSignal::new(Vec::<(String, String)>::new());
    let done = RwSignal::new(false);
    let reassigning = move || {
        let chosen = Uuid::parse_str(&technician.get()).ok();
        view.ticket.with(|t| t.technician_id).is_some_and(|current| Some(current) != chosen)
    };

    let send = Action::new_local(move |request: &DispatchRequest| {
        let request = request.clone();
        let version = view.ticket.with_untracked(|t| t.version);
        async move {
            match api::dispatch::dispatch(session, view.id, version, &request).await {
                Ok(result) => {
                    warnings.try_set(Vec::new());
                    override_reason.try_set(String::new());
                    reason.try_set(String::new());
                    done.try_set(true);
                    view.changed(result.ticket);
                }
                Err(e) => {
                    if e.problem.code == "dispatch_warnings" {
                        let found = e.problem.errors.iter().map(|w| (w.field.clone(), w.message.clone())).collect();
                        warnings.try_set(found);
                    }
                    view.refused(problem, e.problem);
                }
            }
        }
    });
    let submit = move |override_warnings: bool| {
        done.set(false);
        let Ok(technician_id) = Uuid::parse_str(&technician.get_untracked()) else {
            problem.set(Some(browser_problem(&[("technician_id", "ticket.error.technician")])));
            return;
        };
        let Some(day) = i18n.parse_date(&day.get_untracked()) else {
            problem.set(Some(browser_problem(&[("appointment_from", "ticket.error.day")])));
            return;
        };
        let (Some(start), Some(end)) =
            (local_instant(day, &from.get_untracked()), local_instant(day, &to.get_untracked()))
        else {
            problem.set(Some(browser_problem(&[("appointment_to", "ticket.error.window")])));
            return;
        };
        if end < start {
            problem.set(Some(browser_problem(&[("appointment_to", "ticket.error.window")])));
            return;
        }
        let text = |s: RwSignal<String>| Some(s.get_untracked().trim().to_owned()).filter(|s| !s.is_empty());
        if override_warnings && text(override_reason).is_none() {
            problem.set(Some(browser_problem(&[("override_reason", "ticket.error.override_reason")])));
            return;
        }
        problem.set(None);
        send.dispatch_local(DispatchRequest {
            technician_id,
            appointment_from: start,
            appointment_to: end,
            reason: text(reason),
            override_warnings,
            override_reason: if override_warnings { text(override_reason) } else { None },
        });
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        warnings.set(Vec::new());
        submit(false);
    };
    let problem_signal: Signal<Option<Problem>> = problem.into();
    let form_problem = move || {
        problem.get().filter(|p| !p.title.is_empty() && p.code != "dispatch_warnings").map(|p| {
            view! { <div id="dispatch-problem" class="alert" role="alert"><ProblemView problem=without_fields(&p) /></div> }
        })
    };
    let options = move || {
        technicians.get().map(|answer| match answer {
            Ok(users) => users
                .into_iter()
                .map(|u| {
                    let label = format!("{} ({})", u.display_name, u.username);
                    view! { <option value=u.id.to_string() data-username=u.username>{label}</option> }
                })
                .collect_view()
                .into_any(),
            Err(_) => ().into_any(),
        })
    };
    let warning_list = move || {
        let found = warnings.get();
        (!found.is_empty()).then(|| {
            view! {
                <div id="dispatch-warnings" class="alert warn" role="alert">
                    <p>{t("ticket.warnings_title")}</p>
                    <ul>
                        {found.into_iter().map(|(code, message)| {
                            let c = code.clone();
                            view! { <li data-code=c>{move || warning_words(i18n, &code, &message)}</li> }
                        }).collect_view()}
                    </ul>
                    <div class="field">
                        <label for="dispatch-override-reason">{t("ticket.override_reason")}</label>
                        <textarea id="dispatch-override-reason" rows="2" bind:value=override_reason></textarea>
                        <FieldErrors problem=problem_signal field="override_reason" id="dispatch-override-reason" />
                    </div>
                    <button type="button" id="dispatch-override" class="button danger" on:click=move |_| submit(true)
                        prop:disabled=move || send.pending().get()>
                        {t("ticket.override")}
                    </button>
                </div>
            }
        })
    };
    view! {
        <form id="ticket-dispatch" class="card ticket-section dispatch-form" on:submit=on_submit novalidate>
            <h2>{t("ticket.dispatch")}</h2>
            <Show when=move || done.get()>
                <p id="dispatch-done" class="notice" role="status">{t("ticket.dispatched")}</p>
            </Show>
            {form_problem}
            <div class="field">
                <label for="dispatch-technician">{t("ticket.technician")}</label>
                <select id="dispatch-technician" bind:value=technician>
                    <option value="">{t("ticket.choose_technician")}</option>
                    {options}
                </select>
                <FieldErrors problem=problem_signal field="technician_id" id="dispatch-technician" />
            </div>
            <div class="field">
                <label for="dispatch-day">{t("ticket.appointment_day")}</label>
                <input id="dispatch-day" type="text" inputmode="numeric" autocomplete="off" bind:value=day
                    placeholder=t("date.input_hint") />
                <FieldErrors problem=problem_signal field="appointment_from" id="dispatch-day" />
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="dispatch-from">{t("ticket.appointment_from")}</label>
                    <input id="dispatch-from" type="time" bind:value=from />
                </div>
                <div class="field">
                    <label for="dispatch-to">{t("ticket.appointment_to")}</label>
                    <input id="dispatch-to" type="time" bind:value=to />
                </div>
            </div>
            <FieldErrors problem=problem_signal field="appointment_to" id="dispatch-to" />
            <Show when=reassigning>
                <div class="field">
                    <label for="dispatch-reason">{t("ticket.reassign_reason")}</label>
                    <textarea id="dispatch-reason" rows="2" bind:value=reason></textarea>
                    <FieldErrors problem=problem_signal field="reason" id="dispatch-reason" />
                </div>
            </Show>
            {warning_list}
            <div class="actions">
                <button type="submit" id="dispatch-submit" class="button" prop:disabled=move || send.pending().get()>
                    {t("ticket.dispatch_submit")}
                </button>
            </div>
        </form>
    }
}
