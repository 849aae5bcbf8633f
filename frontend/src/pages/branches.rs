//! `/branches`: the service network (`GET /branches`).

use aftersales_api_types::branches::BranchDto;
use leptos::prelude::*;

use crate::api;
use crate::components::table::PagedTable;
use crate::i18n::labels::branch_kind_key;
use crate::i18n::{t, use_i18n};
use crate::session::use_session;

#[component]
pub fn BranchesPage() -> impl IntoView {
    let session = use_session();
    view! {
        <section class="page">
            <h1>{t("branches.title")}</h1>
            <PagedTable
                caption="branches.title"
                columns=&["branches.code", "branches.name", "branches.kind", "branches.time_zone", "branches.currency"]
                fetch=move |cursor| api::branches(session, cursor)
                row=branch_row
            />
        </section>
    }
}

fn branch_row(branch: BranchDto) -> AnyView {
    let i18n = use_i18n();
    let kind = branch_kind_key(branch.kind);
    view! {
        <tr data-id=branch.id.to_string()>
            <td class="code">{branch.code}</td>
            <td>{branch.name}</td>
            <td>{move || i18n.text(kind)}</td>
            <td>{branch.time_zone}</td>
            <td class="code">{branch.currency}</td>
        </tr>
    }
    .into_any()
}
