//! Diagnosis and resolution: what the technician records on the ticket (the codes
//! from the product category's lists, notes, time on site), sent with
//! `PATCH /tickets/{id}` and the ticket's version, so the steps whose guards ask
//! for them open without a reload.

use aftersales_api_types::auth::Permission;
use aftersales_api_types::fault_codes::FaultCodeDto;
use aftersales_api_types::problem::Problem;
use aftersales_api_types::ticket_changes::UpdateTicket;
use leptos::prelude::*;

use super::TicketView;
use super::work_common::{name_in, whole_number};
use crate::api;
use crate::components::problem::{FieldErrors, ProblemView, browser_problem, without_fields};
use crate::components::screen::opt;
use crate::components::toast::use_toasts;
use crate::i18n::{t, use_i18n};

#[component]
pub fn WorkRecordSection(view: TicketView) -> impl IntoView {
    let session = view.session;
    // The roles are read once: signing out leaves the page, it does not re-draw it.
    let may = untrack(|| session.may(Permission::WorkTickets));
    let editable = Memo::new(move |_| may && !view.ticket.with(|t| t.sealed));
    move || {
        if editable.get() {
            view! { <WorkRecordForm view /> }.into_any()
        } else {
            view! { <WorkRecordFacts view /> }.into_any()
        }
    }
}

/// The recorded work of a ticket no one here may change.
#[component]
fn WorkRecordFacts(view: TicketView) -> impl IntoView {
    let i18n = use_i18n();
    let ticket = view.ticket;
    let or_dash = |v: Option<String>| v.unwrap_or_else(|| "—".to_owned());
    view! {
        <section id="work-record" class="card ticket-section" aria-labelledby="work-record-title">
            <h2 id="work-record-title">{t("work.record_title")}</h2>
            <dl class="facts">
                <dt>{t("work.diagnosis")}</dt>
                <dd><bdi class="code">{move || or_dash(ticket.with(|t| t.diagnosis_code.clone()))}</bdi></dd>
                <dt>{t("work.resolution")}</dt>
                <dd><bdi class="code">{move || or_dash(ticket.with(|t| t.resolution_code.clone()))}</bdi></dd>
                <dt>{t("work.notes")}</dt>
                <dd class="prewrap">{move || or_dash(ticket.with(|t| t.technician_notes.clone()))}</dd>
                <dt>{t("work.time_on_site")}</dt>
                <dd>{move || ticket.with(|t| t.time_on_site_minutes).map_or_else(
                    || "—".to_owned(),
                    |m| i18n.format("work.minutes", &[("minutes", &i18n.number(i64::from(m)))]),
                )}</dd>
            </dl>
        </section>
    }
}

/// The options of a code list, keeping a current code the list no longer has.
fn code_options(codes: Vec<FaultCodeDto>, current: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let missing = current.clone().filter(|c| !codes.iter().any(|x| &x.code == c));
    view! {
        {missing.map(|c| view! { <option value=c.clone() selected=true>{c.clone()}</option> })}
        {codes.into_iter().map(|c| {
            let names = c.names.clone();
            let code = c.code.clone();
            let selected = current.as_ref() == Some(&c.code);
            view! {
                <option value=c.code.clone() selected=selected>
                    {move || format!("{} — {}", code, name_in(i18n.locale(), &names))}
                </option>
            }
        }).collect_view()}
    }
}

#[component]
fn WorkRecordForm(view: TicketView) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let session = view.session;
    let initial = view.ticket.get_untracked();
    let model_id = initial.model_id;
    let diagnosis = RwSignal::new(initial.diagnosis_code.clone().unwrap_or_default());
    let resolution = RwSignal::new(initial.resolution_code.clone().unwrap_or_default());
    let notes = RwSignal::new(initial.technician_notes.clone().unwrap_or_default());
    let minutes = RwSignal::new(initial.time_on_site_minutes.map(|m| i18n.number(i64::from(m))).unwrap_or_default());
    let problem = RwSignal::new(None::<Problem>);

    // The code lists of the unit's product category (none without a model).
    let lists = LocalResource::new(move || async move {
        let Some(model_id) = model_id else { return (Vec::new(), Vec::new()) };
        let Ok(model) = api::reference::model(session, model_id).await else { return (Vec::new(), Vec::new()) };
        let diagnoses = api::reference::codes(session, "diagnosis", model.category_id).await.unwrap_or_default();
        let resolutions = api::reference::codes(session, "resolution", model.category_id).await.unwrap_or_default();
        (diagnoses, resolutions)
    });

    let save = Action::new_local(move |request: &UpdateTicket| {
        let request = request.clone();
        let version = view.ticket.with_untracked(|t| t.version);
        async move {
            match api::work::update_ticket(session, view.id, version, &request).await {
                Ok(ticket) => {
                    toasts.show(i18n.text("work.record_saved"));
                    view.changed(ticket);
                }
                Err(e) => view.refused(problem, e.problem),
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(minutes) = whole_number(&minutes.get_untracked(), 0, 10_000) else {
            problem.set(Some(browser_problem(&[("time_on_site_minutes", "work.error.minutes")])));
            return;
        };
        let now = view.ticket.get_untracked();
        // Only what changed is sent; a field emptied is cleared.
        let changed = |new: Option<String>, old: &Option<String>| (new != *old).then_some(new);
        let request = UpdateTicket {
            diagnosis_code: changed(opt(&diagnosis.get_untracked()), &now.diagnosis_code),
            resolution_code: changed(opt(&resolution.get_untracked()), &now.resolution_code),
            technician_notes: changed(opt(&notes.get_untracked()), &now.technician_notes),
            time_on_site_minutes: (minutes != now.time_on_site_minutes).then_some(minutes),
            ..UpdateTicket::default()
        };
        problem.set(None);
        save.dispatch_local(request);
    };
    let problem_signal: Signal<Option<Problem>> = problem.into();
    let form_problem = move || {
        problem.get().filter(|p| !p.title.is_empty()).map(|p| {
            view! { <div id="work-record-problem" class="alert" role="alert"><ProblemView problem=without_fields(&p) /></div> }
        })
    };
    let diagnosis_options =
        move || lists.get().map(|(d, _)| code_options(d, view.ticket.with_untracked(|t| t.diagnosis_code.clone())));
    let resolution_options =
        move || lists.get().map(|(_, r)| code_options(r, view.ticket.with_untracked(|t| t.resolution_code.clone())));
    view! {
        <form id="work-record" class="card ticket-section" on:submit=on_submit novalidate>
            <h2>{t("work.record_title")}</h2>
            {form_problem}
            <div class="field-row">
                <div class="field">
                    <label for="work-diagnosis">{t("work.diagnosis")}</label>
                    <select id="work-diagnosis" bind:value=diagnosis>
                        <option value="">{t("work.choose_code")}</option>
                        {diagnosis_options}
                    </select>
                    <FieldErrors problem=problem_signal field="diagnosis_code" id="work-diagnosis" />
                </div>
                <div class="field">
                    <label for="work-resolution">{t("work.resolution")}</label>
                    <select id="work-resolution" bind:value=resolution>
                        <option value="">{t("work.choose_code")}</option>
                        {resolution_options}
                    </select>
                    <FieldErrors problem=problem_signal field="resolution_code" id="work-resolution" />
                </div>
            </div>
            <div class="field">
                <label for="work-notes">{t("work.notes")}</label>
                <textarea id="work-notes" rows="3" bind:value=notes></textarea>
                <FieldErrors problem=problem_signal field="technician_notes" id="work-notes" />
            </div>
            <div class="field">
                <label for="work-minutes">{t("work.time_on_site_minutes")}</label>
                <input id="work-minutes" type="text" inputmode="numeric" autocomplete="off" bind:value=minutes />
                <FieldErrors problem=problem_signal field="time_on_site_minutes" id="work-minutes" />
            </div>
            <div class="actions">
                <button type="submit" id="work-record-save" class="button" prop:disabled=move || save.pending().get()>
                    {t("work.save")}
                </button>
            </div>
        </form>
    }
}
