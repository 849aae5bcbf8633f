//! `/branches`: the service network (`GET /branches`), with a form to add a branch
//! below one of yours, change one (`PATCH` with `If-Match`) and delete an empty one.

use aftersales_api_types::auth::Permission;
use aftersales_api_types::branches::BranchDto;
use leptos::prelude::*;
use uuid::Uuid;

use crate::api;
use crate::components::problem::ErrorsView;
use crate::components::screen::{DeleteButton, NewButton, Screen};
use crate::i18n::labels::branch_kind_key;
use crate::i18n::{t, use_i18n};
use crate::session::use_session;

mod form;

use self::form::BranchForm;

const COLUMNS: &[&str] = &[
    "branches.code",
    "branches.name",
    "branches.kind",
    "settings.parent",
    "branches.time_zone",
    "branches.currency",
    "settings.actions",
];

#[component]
pub fn BranchesPage() -> impl IntoView {
    let session = use_session();
    let screen = Screen::<BranchDto>::new(session);
    let may_manage = untrack(|| session.may(Permission::ManageBranches));
    let list = LocalResource::new(move || {
        let _ = screen.changes.get();
        api::reference::branches(session)
    });
    let width = COLUMNS.len();
    let form = move || {
        let current = screen.editing.get()?;
        let branches = list.get().and_then(Result::ok).unwrap_or_default();
        Some(view! { <BranchForm screen branches current /> })
    };
    view! {
        <section class="page settings-page">
            <h1>{t("branches.title")}</h1>
            {may_manage.then(|| view! { <NewButton screen id="branch-new" label="settings.branches.new" /> })}
            {form}
            <div class="table-wrap">
                <table id="branch-table" class="data">
                    <caption class="visually-hidden">{t("branches.title")}</caption>
                    <thead><tr>{COLUMNS.iter().map(|c| view! { <th scope="col">{t(c)}</th> }).collect_view()}</tr></thead>
                    <Transition fallback=move || view! { <tbody><tr><td colspan=width class="muted">{t("table.loading")}</td></tr></tbody> }>
                        <ErrorBoundary fallback=move |errors| view! { <tbody><tr><td colspan=width><ErrorsView errors /></td></tr></tbody> }>
                            {move || Suspend::new(async move {
                                list.await.map(|rows| {
                                    let parents: Vec<(Uuid, String)> = rows.iter().map(|b| (b.id, b.code.clone())).collect();
                                    let rows = rows
                                        .into_iter()
                                        .map(|b| branch_row(screen, may_manage, &parents, b))
                                        .collect::<Vec<_>>();
                                    view! { <tbody>{rows}</tbody> }
                                })
                            })}
                        </ErrorBoundary>
                    </Transition>
                </table>
            </div>
        </section>
    }
}

fn branch_row(
    screen: Screen<BranchDto>,
    may_manage: bool,
    parents: &[(Uuid, String)],
    branch: BranchDto,
) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let kind = branch_kind_key(branch.kind);
    let parent = branch
        .parent_id
        .map(|id| parents.iter().find(|(p, _)| *p == id).map_or_else(|| id.to_string(), |(_, code)| code.clone()));
    let edit_row = branch.clone();
    view! {
        <tr data-id=branch.id.to_string() data-code=branch.code.clone()>
            <td class="code"><bdi>{branch.code.clone()}</bdi></td>
            <td class="name">{branch.name.clone()}</td>
            <td class="kind">{move || i18n.text(kind)}</td>
            <td class="parent code"><bdi>{parent}</bdi></td>
            <td class="time-zone"><bdi>{branch.time_zone.clone()}</bdi></td>
            <td class="code currency">{branch.currency.clone()}</td>
            <td class="actions">
                {may_manage.then(|| view! {
                    <button type="button" class="button link settings-edit"
                        on:click=move |_| screen.editing.set(Some(Some(edit_row.clone())))>{t("settings.edit")}</button>
                    <DeleteButton session=screen.session path=api::settings::BRANCHES id=branch.id code=branch.code.clone() changes=screen.changes />
                })}
            </td>
        </tr>
    }
}
