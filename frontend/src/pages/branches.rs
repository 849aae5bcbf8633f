//! `/branches`: the service network (`GET /branches`).

use aftersales_api_types::branches::{BranchDto, BranchKind};
use leptos::prelude::*;

use crate::api;
use crate::components::table::PagedTable;
use crate::session::use_session;

#[component]
pub fn BranchesPage() -> impl IntoView {
    let session = use_session();
    view! {
        <section class="page">
            <h1>"Branches"</h1>
            <PagedTable
                caption="Branches"
                columns=&["Code", "Name", "Kind", "Time zone", "Currency"]
                fetch=move |cursor| api::branches(session, cursor)
                row=branch_row
            />
        </section>
    }
}

fn branch_row(branch: BranchDto) -> AnyView {
    view! {
        <tr data-id=branch.id.to_string()>
            <td class="code">{branch.code}</td>
            <td>{branch.name}</td>
            <td>{kind_label(branch.kind)}</td>
            <td>{branch.time_zone}</td>
            <td class="code">{branch.currency}</td>
        </tr>
    }
    .into_any()
}

fn kind_label(kind: BranchKind) -> &'static str {
    match kind {
        BranchKind::Hq => "Head office",
        BranchKind::Regional => "Regional",
        BranchKind::Outlet => "Outlet",
    }
}
