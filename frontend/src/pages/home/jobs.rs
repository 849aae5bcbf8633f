//! A technician's own jobs: the tickets assigned to them that are not closed,
//! with their stage and appointment, each linking to the ticket.

use aftersales_api_types::tickets::{StageCategory, TicketDto};
use aftersales_api_types::workflows::WorkflowDto;
use leptos::prelude::*;
use uuid::Uuid;

use crate::api;
use crate::api::dashboard::stage_name;
use crate::components::problem::ErrorsView;
use crate::i18n::date::iso_instant;
use crate::i18n::labels::ticket_kind_key;
use crate::i18n::{t, use_i18n};
use crate::session::use_session;

#[component]
pub fn MyJobs(technician: Uuid) -> impl IntoView {
    let session = use_session();
    let jobs = LocalResource::new(move || async move {
        let page = api::dashboard::assigned_to(session, technician).await?;
        let workflows = api::reference::workflows(session).await.unwrap_or_default();
        let open: Vec<TicketDto> =
            page.items.into_iter().filter(|t| t.stage_category != StageCategory::Closed).collect();
        Ok::<_, api::ApiError>((open, workflows))
    });
    view! {
        <section id="my-jobs" aria-labelledby="my-jobs-title">
            <h2 id="my-jobs-title">{t("dashboard.my_jobs")}</h2>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                    {move || Suspend::new(async move {
                        jobs.await.map(|(open, workflows)| view! { <JobList open workflows /> })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn JobList(open: Vec<TicketDto>, workflows: Vec<WorkflowDto>) -> impl IntoView {
    let i18n = use_i18n();
    if open.is_empty() {
        return view! { <p id="my-jobs-empty" class="muted">{t("dashboard.no_jobs")}</p> }.into_any();
    }
    let items = open
        .into_iter()
        .map(|ticket| {
            let workflows = workflows.clone();
            let (kind, code) = (ticket.kind, ticket.stage.clone());
            let stage = move || stage_name(&workflows, kind, &code, i18n.locale().code());
            let appointment = ticket.appointment_from.map(|at| {
                view! { <time datetime=iso_instant(at)>{move || i18n.date_time(at)}</time> }
            });
            view! {
                <li class="job" data-number=ticket.number.clone()>
                    <a href=format!("/tickets/{}", ticket.id)>
                        <bdi>{ticket.number.clone()}</bdi>
                    </a>
                    " · "
                    <span>{t(ticket_kind_key(kind))}</span>
                    " · "
                    <span class="stage">{stage}</span>
                    {appointment.map(|a| view! { " · " {a} })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="jobs">{items}</ul> }.into_any()
}
