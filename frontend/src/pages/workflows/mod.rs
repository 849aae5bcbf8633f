//! `/settings/workflows`: how tickets of each kind move, for admins. The list of
//! kinds, and per kind (`/settings/workflows/:kind`) an editor of its stages and
//! steps that saves the whole workflow at once; a refusal keeps every edit and puts
//! the server's messages next to the fields they name.

mod draft;
mod stages;
pub mod ticket_settings;
mod transitions;

use aftersales_api_types::tickets::TicketKind;
use aftersales_api_types::workflows::WorkflowDto;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use self::draft::{Draft, placed};
use self::stages::StagesEditor;
use self::transitions::TransitionsEditor;
use crate::api::workflows::{kind_of_slug, kind_slug};
use crate::api::{self, ApiError};
use crate::components::problem::{ErrorsView, ProblemView};
use crate::components::toast::use_toasts;
use crate::i18n::labels::ticket_kind_key;
use crate::i18n::{t, use_i18n};
use crate::session::{Session, use_session};

#[component]
pub fn WorkflowsPage() -> impl IntoView {
    let session = use_session();
    let list = LocalResource::new(move || api::reference::workflows(session));
    view! {
        <section class="page workflows-page">
            <p><A href="/settings">{t("workflows.back_settings")}</A></p>
            <h1 id="workflows-title">{t("workflows.title")}</h1>
            <p class="hint muted">{t("workflows.intro")}</p>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                    {move || Suspend::new(async move { list.await.map(|list| view! { <KindsTable list /> }) })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn KindsTable(list: Vec<WorkflowDto>) -> impl IntoView {
    let i18n = use_i18n();
    if list.is_empty() {
        return view! { <p id="workflows-empty" class="muted">{t("workflows.empty")}</p> }.into_any();
    }
    let rows = list
        .into_iter()
        .map(|w| {
            let slug = kind_slug(w.kind);
            let (stages, steps, version) = (w.stages.len(), w.transitions.len(), w.version);
            let count = move |n: usize| i18n.number(i64::try_from(n).unwrap_or_default());
            view! {
                <tr data-kind=slug>
                    <td><A href=format!("/settings/workflows/{slug}")>{t(ticket_kind_key(w.kind))}</A></td>
                    <td class="number">{move || count(stages)}</td>
                    <td class="number">{move || count(steps)}</td>
                    <td class="number">{move || i18n.number(version)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table id="workflows-table" class="data">
                <thead>
                    <tr>
                        <th scope="col">{t("tickets.kind")}</th>
                        <th scope="col" class="number">{t("workflows.stages")}</th>
                        <th scope="col" class="number">{t("workflows.transitions")}</th>
                        <th scope="col" class="number">{t("workflows.version")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
pub fn WorkflowPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let kind = Memo::new(move |_| params.read().get("kind").and_then(|s| kind_of_slug(&s)));
    let workflow = LocalResource::new(move || {
        let kind = kind.get();
        async move {
            match kind {
                Some(kind) => api::reference::workflow(session, kind).await.map(|w| (kind, w)),
                None => Err(not_found()),
            }
        }
    });
    view! {
        <section class="page workflow-page">
            <p><A href="/settings/workflows">{t("workflows.back")}</A></p>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                    {move || Suspend::new(async move {
                        workflow.await.map(|(kind, workflow)| view! { <Editor session kind workflow /> })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

fn not_found() -> ApiError {
    ApiError {
        problem: aftersales_api_types::problem::Problem {
            problem_type: "about:blank".to_owned(),
            title: "Not found".to_owned(),
            status: 404,
            code: "not_found".to_owned(),
            detail: None,
            errors: Vec::new(),
        },
    }
}

#[component]
fn Editor(session: Session, kind: TicketKind, workflow: WorkflowDto) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let draft = Draft::new(&workflow);
    let saved = RwSignal::new(false);
    let save = Action::new_local(move |_: &()| {
        let body = draft.body();
        let version = draft.version.get_untracked();
        async move {
            match api::workflows::put(session, kind, version, &body).await {
                Ok(stored) => {
                    draft.load(&stored);
                    draft.problem.try_set(None);
                    saved.try_set(true);
                    toasts.show(i18n.text("workflows.saved"));
                }
                // Nothing typed is lost: the editor keeps its rows.
                Err(e) => {
                    draft.problem.try_set(Some(e.problem));
                }
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        save.dispatch_local(());
    };
    let form_problem = move || {
        draft.problem.get().map(|p| {
            // The messages not shown next to a field are listed here.
            let problem = aftersales_api_types::problem::Problem {
                errors: p.errors.iter().filter(|e| !placed(&e.field)).cloned().collect(),
                ..p
            };
            view! { <div id="workflow-problem" class="alert" role="alert"><ProblemView problem /></div> }
        })
    };
    let version = move || i18n.format("workflows.version_is", &[("version", &i18n.number(draft.version.get()))]);
    view! {
        <h1 id="workflow-title">{t(ticket_kind_key(kind))}</h1>
        <p id="workflow-version" class="muted" data-version=move || draft.version.get().to_string()>{version}</p>
        <form id="workflow-form" class="workflow-form" on:submit=submit novalidate>
            {form_problem}
            <Show when=move || saved.get()>
                <p id="workflow-saved" class="notice" role="status">{t("workflows.saved")}</p>
            </Show>
            <StagesEditor draft />
            <TransitionsEditor draft />
            <div class="form-actions">
                <button id="workflow-save" type="submit" class="button primary" disabled=move || save.pending().get()>
                    {move || i18n.text(if save.pending().get() { "workflows.saving" } else { "workflows.save" })}
                </button>
            </div>
        </form>
    }
}
