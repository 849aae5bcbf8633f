//! The dashboard: what needs attention now in the user's part of the network, each
//! count linking to the list behind it where there is one.

use aftersales_api_types::dashboard::Dashboard;
use aftersales_api_types::workflows::WorkflowDto;
use leptos::prelude::*;

use crate::api;
use crate::api::dashboard::stage_name;
use crate::components::problem::ErrorsView;
use crate::i18n::labels::ticket_kind_key;
use crate::i18n::{t, use_i18n};
use crate::query::wire;
use crate::session::use_session;

#[component]
pub fn DashboardPanel() -> impl IntoView {
    let session = use_session();
    let counts = LocalResource::new(move || {
        let branch = session.working_branch();
        async move {
            let dashboard = api::dashboard::dashboard(session, branch).await?;
            // Stage names are the company's own; without them the codes still read.
            let workflows = api::reference::workflows(session).await.unwrap_or_default();
            Ok::<_, api::ApiError>((dashboard, workflows))
        }
    });
    view! {
        <section id="dashboard" class="dashboard" aria-labelledby="dashboard-title">
            <h2 id="dashboard-title">{t("dashboard.title")}</h2>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                    {move || Suspend::new(async move {
                        counts.await.map(|(dashboard, workflows)| view! { <Counts dashboard workflows /> })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn Counts(dashboard: Dashboard, workflows: Vec<WorkflowDto>) -> impl IntoView {
    let i18n = use_i18n();
    let tile = move |id: &'static str, label: &'static str, count: u64, href: Option<&'static str>| {
        let number = move || i18n.number(i64::try_from(count).unwrap_or(i64::MAX));
        let body = view! {
            <span class="tile-count">{number}</span>
            <span class="tile-label">{t(label)}</span>
        };
        let urgent = count > 0 && matches!(id, "tile-callbacks" | "tile-defective");
        match href {
            Some(href) => view! {
                <li id=id class="tile" class:urgent=urgent>
                    <a href=href>{body}</a>
                </li>
            }
            .into_any(),
            None => view! {
                <li id=id class="tile" class:urgent=urgent>
                    <div>{body}</div>
                </li>
            }
            .into_any(),
        }
    };
    let rows = dashboard
        .open
        .iter()
        .map(|tally| {
            let href = format!("/tickets?kind={}&stage={}", wire(&tally.kind), tally.stage);
            let (kind, code, count) = (tally.kind, tally.stage.clone(), tally.count);
            let workflows = workflows.clone();
            let name = move || stage_name(&workflows, kind, &code, i18n.locale().code());
            view! {
                <tr data-stage=tally.stage.clone() data-kind=wire(&tally.kind)>
                    <td>
                        <a href=href>{name}</a>
                    </td>
                    <td>{t(ticket_kind_key(kind))}</td>
                    <td class="number">{move || i18n.number(i64::try_from(count).unwrap_or(i64::MAX))}</td>
                </tr>
            }
        })
        .collect_view();
    let stages = if dashboard.open.is_empty() {
        view! { <p id="dashboard-empty" class="muted">{t("dashboard.nothing_open")}</p> }.into_any()
    } else {
        view! {
            <div class="table-wrap">
                <table id="dashboard-stages" class="data" aria-labelledby="dashboard-stages-title">
                    <thead>
                        <tr>
                            <th scope="col">{t("tickets.stage")}</th>
                            <th scope="col">{t("tickets.kind")}</th>
                            <th scope="col" class="number">{t("dashboard.count")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <ul class="tiles">
            {tile("tile-open", "dashboard.open", dashboard.open_total, Some("/tickets"))}
            {tile("tile-unassigned", "dashboard.unassigned", dashboard.unassigned, Some("/tickets?unassigned=true"))}
            {tile("tile-today", "dashboard.today", dashboard.dispatched_today, Some("/dispatch"))}
            {tile("tile-callbacks", "dashboard.overdue_callbacks", dashboard.overdue_callbacks, None)}
            {tile("tile-defective", "dashboard.overdue_defective", dashboard.overdue_defective_returns, None)}
        </ul>
        <h3 id="dashboard-stages-title">{t("dashboard.by_stage")}</h3>
        {stages}
    }
}
