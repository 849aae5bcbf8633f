//! Complaints about the ticket's service (`/tickets/{id}/complaints`,
//! `/complaints?ticket_id=…`): the office opens one, and resolves or rejects it
//! with `POST /complaints/{id}/resolve` and the complaint's version.

use aftersales_api_types::auth::Permission;
use aftersales_api_types::followups::{ComplaintDto, ComplaintStatus, OpenComplaint};
use aftersales_api_types::problem::Problem;
use leptos::prelude::*;

use super::TicketView;
use crate::api;
use crate::components::followup::{CATEGORIES, ResolveComplaintForm, category_key, complaint_status_key};
use crate::components::problem::{FieldErrors, ProblemView, browser_problem, without_fields};
use crate::components::screen::opt;
use crate::components::toast::use_toasts;
use crate::i18n::date::iso_instant;
use crate::i18n::{t, use_i18n};

#[component]
pub fn ComplaintsSection(view: TicketView) -> impl IntoView {
    let session = view.session;
    // The roles are read once: signing out leaves the page, it does not re-draw it.
    untrack(|| session.may(Permission::HandleFollowUps)).then(|| view! { <Complaints view /> })
}

#[component]
fn Complaints(view: TicketView) -> impl IntoView {
    let session = view.session;
    let complaints = LocalResource::new(move || {
        let _ = view.changes.get();
        api::work::complaints(session, view.id)
    });
    let list = move || match complaints.get() {
        None => view! { <p class="muted">{t("table.loading")}</p> }.into_any(),
        Some(Err(e)) => view! { <ProblemView problem=e.problem /> }.into_any(),
        Some(Ok(list)) if list.is_empty() => {
            view! { <p id="work-complaints-empty" class="muted">{t("work.no_complaints")}</p> }.into_any()
        }
        Some(Ok(list)) => view! {
            <ul id="work-complaints-list" class="plain-list complaint-list">
                {list.into_iter().map(|c| view! { <ComplaintItem view complaint=c /> }).collect_view()}
            </ul>
        }
        .into_any(),
    };
    view! {
        <section id="work-complaints" class="card ticket-section" aria-labelledby="work-complaints-title">
            <h2 id="work-complaints-title">{t("work.complaints_title")}</h2>
            {list}
            <OpenComplaintForm view />
        </section>
    }
}

#[component]
fn ComplaintItem(view: TicketView, complaint: ComplaintDto) -> impl IntoView {
    let i18n = use_i18n();
    let (status_code, status_text) = complaint_status_key(complaint.status);
    let at = complaint.created_at;
    let open = complaint.status == ComplaintStatus::Open;
    let resolution = complaint.resolution.clone();
    let settled = Callback::new(move |()| view.reload());
    let resolve =
        open.then(|| view! { <ResolveComplaintForm session=view.session complaint=complaint.clone() settled /> });
    view! {
        <li class="complaint" data-status=status_code data-id=complaint.id.to_string()>
            <p class="complaint-head">
                <strong>{t(category_key(complaint.category))}</strong>
                " · "
                <span class=format!("badge status-{status_code}")>{t(status_text)}</span>
                " · "
                <time class="muted" datetime=iso_instant(at)>{move || i18n.date_time(at)}</time>
            </p>
            <p class="complaint-description prewrap">{complaint.description.clone()}</p>
            {resolution.map(|r| view! { <p class="complaint-resolution prewrap"><span class="muted">{t("work.resolution_text")}</span> ": " {r}</p> })}
            {resolve}
        </li>
    }
}

#[component]
fn OpenComplaintForm(view: TicketView) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let session = view.session;
    let category = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let send = Action::new_local(move |request: &OpenComplaint| {
        let request = request.clone();
        async move {
            match api::work::open_complaint(session, view.id, &request).await {
                Ok(_) => {
                    toasts.show(i18n.text("work.complaint_opened"));
                    category.try_set(String::new());
                    description.try_set(String::new());
                    view.reload();
                }
                Err(e) => {
                    problem.try_set(Some(e.problem));
                }
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = category.get_untracked();
        let Some(category) = CATEGORIES.iter().find(|(_, code, _)| *code == chosen).map(|(c, ..)| *c) else {
            problem.set(Some(browser_problem(&[("category", "work.error.category")])));
            return;
        };
        let Some(description) = opt(&description.get_untracked()) else {
            problem.set(Some(browser_problem(&[("description", "work.error.description")])));
            return;
        };
        problem.set(None);
        send.dispatch_local(OpenComplaint { category, description, technician_id: None });
    };
    let problem_signal: Signal<Option<Problem>> = problem.into();
    view! {
        <form id="work-complaint-form" class="complaint-open" on:submit=on_submit novalidate>
            <h3>{t("work.open_complaint")}</h3>
            {move || problem.get().filter(|p| !p.title.is_empty()).map(|p| view! {
                <div id="work-complaint-problem" class="alert" role="alert"><ProblemView problem=without_fields(&p) /></div>
            })}
            <div class="field">
                <label for="work-complaint-category">{t("work.category")}</label>
                <select id="work-complaint-category" bind:value=category>
                    <option value="">{t("work.choose_category")}</option>
                    {CATEGORIES.iter().map(|(_, code, key)| view! { <option value=*code>{t(key)}</option> }).collect_view()}
                </select>
                <FieldErrors problem=problem_signal field="category" id="work-complaint-category" />
            </div>
            <div class="field">
                <label for="work-complaint-description">{t("work.complaint_description")}</label>
                <textarea id="work-complaint-description" rows="3" bind:value=description></textarea>
                <FieldErrors problem=problem_signal field="description" id="work-complaint-description" />
            </div>
            <div class="actions">
                <button type="submit" id="work-complaint-submit" class="button" prop:disabled=move || send.pending().get()>
                    {t("work.open_complaint")}
                </button>
            </div>
        </form>
    }
}
