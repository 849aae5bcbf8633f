//! Who owes old parts past their due time (`/defective-parts/overdue-by-technician`):
//! one line per technician, the longest overdue first; a name filters the list
//! below to that technician's overdue parts.

use aftersales_api_types::defective_parts::TechnicianArrearsDto;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

use super::filters::OldPartFilters;
use super::{OldParts, now};
use crate::api;
use crate::components::table::ListTable;
use crate::i18n::date::iso_instant;
use crate::i18n::{t, use_i18n};

const COLUMNS: &[&str] =
    &["old_parts.technician", "old_parts.overdue_parts", "old_parts.oldest_due", "old_parts.how_overdue"];

#[component]
pub fn Arrears(page: OldParts) -> impl IntoView {
    let session = page.session;
    let list = LocalResource::new(move || {
        page.changes.track();
        api::defective_parts::overdue_by_technician(session)
    });
    view! {
        <section id="old-parts-arrears" class="card old-parts-arrears">
            <h2>{t("old_parts.arrears_title")}</h2>
            <ListTable id="old-parts-arrears-table" caption="old_parts.arrears_title" columns=COLUMNS
                empty="old_parts.arrears_empty" list row=arrears_row />
        </section>
    }
}

fn arrears_row(line: TechnicianArrearsDto) -> AnyView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let technician = line.technician_id;
    let show = move |_| {
        let filters = OldPartFilters { technician_id: Some(technician), overdue: Some(true), ..Default::default() };
        navigate(&filters.href(), NavigateOptions::default());
    };
    let oldest = line.oldest_due_at;
    let days = (now() - oldest).num_days().max(0);
    let quantity = line.quantity;
    view! {
        <tr class="arrears-line" data-technician=line.technician_name.clone()>
            <td>
                <button type="button" class="button link arrears-technician" on:click=show title=t("old_parts.show_technician")>
                    {line.technician_name.clone()}
                </button>
            </td>
            <td class="num">{move || i18n.number(quantity)}</td>
            <td><time datetime=iso_instant(oldest)>{move || i18n.instant_date(oldest)}</time></td>
            <td class="overdue">{move || i18n.format("old_parts.overdue_by", &[("days", &i18n.number(days))])}</td>
        </tr>
    }
    .into_any()
}
