//! The transfer list (`GET /transfers`) with the filters the API has, kept in the URL.

use aftersales_api_types::transfers::TransferDto;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::Lookup;
use super::filters::{STATUSES, TransferFilters, status_key};
use crate::api;
use crate::components::table::PagedTable;
use crate::i18n::date::iso_instant;
use crate::i18n::{t, use_i18n};
use crate::query::{from_wire, wire};
use crate::session::Session;

const COLUMNS: &[&str] =
    &["transfers.number", "transfers.status", "transfers.from", "transfers.to", "transfers.lines", "transfers.created"];

#[component]
pub fn TransferList(session: Session, lookup: Lookup) -> impl IntoView {
    let query = use_query_map();
    let filters = Memo::new(move |_| query.with(|q| TransferFilters::from_query(|name| q.get(name))));
    let navigate = use_navigate();
    let apply = StoredValue::new_local(move |next: TransferFilters| navigate(&next.href(), NavigateOptions::default()));
    let set = move |change: &dyn Fn(&mut TransferFilters)| {
        let mut next = filters.get_untracked();
        change(&mut next);
        apply.with_value(|apply| apply(next));
    };
    let table = move || {
        let current = StoredValue::new(filters.get());
        let row = move |transfer: TransferDto| transfer_row(lookup, transfer);
        view! {
            <PagedTable caption="transfers.title" columns=COLUMNS
                fetch=move |cursor| api::transfers::list(session, current.get_value(), cursor) row />
        }
    };
    let warehouses = lookup.warehouses.get_value();
    view! {
        <form id="transfer-filters" class="card transfer-filters" role="search" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="transfer-filter-status">{t("transfers.status")}</label>
                <select id="transfer-filter-status" on:change=move |ev| { let v = event_target_value(&ev); set(&|f| f.status = from_wire(&v)); }>
                    <option value="" selected=move || filters.get().status.is_none()>{t("transfers.any")}</option>
                    {STATUSES.into_iter().map(|s| view! {
                        <option value=wire(&s) selected=move || filters.get().status == Some(s)>{t(status_key(s))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="transfer-filter-warehouse">{t("transfers.warehouse")}</label>
                <select id="transfer-filter-warehouse" on:change=move |ev| { let v = event_target_value(&ev); set(&|f| f.warehouse_id = uuid::Uuid::parse_str(&v).ok()); }>
                    <option value="" selected=move || filters.get().warehouse_id.is_none()>{t("transfers.any")}</option>
                    {warehouses.into_iter().map(|w| {
                        let id = w.id;
                        view! { <option value=id.to_string() data-code=w.code.clone() selected=move || filters.get().warehouse_id == Some(id)>{format!("{} — {}", w.code, w.name)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="transfer-filter-transit">{t("transfers.in_transit_filter")}</label>
                <select id="transfer-filter-transit" on:change=move |ev| { let v = event_target_value(&ev); set(&|f| f.in_transit = v.parse().ok()); }>
                    <option value="" selected=move || filters.get().in_transit.is_none()>{t("transfers.any")}</option>
                    <option value="true" selected=move || filters.get().in_transit == Some(true)>{t("transfers.in_transit_yes")}</option>
                    <option value="false" selected=move || filters.get().in_transit == Some(false)>{t("transfers.in_transit_no")}</option>
                </select>
            </div>
            <div class="actions">
                <button id="transfer-clear" type="button" class="button secondary" on:click=move |_| set(&|f| *f = TransferFilters::default())>
                    {t("transfers.clear")}
                </button>
            </div>
        </form>
        <div id="transfer-list">{table}</div>
    }
}

fn transfer_row(lookup: Lookup, transfer: TransferDto) -> AnyView {
    let i18n = use_i18n();
    let created = transfer.created_at;
    let lines = i64::try_from(transfer.lines.len()).unwrap_or(i64::MAX);
    view! {
        <tr data-id=transfer.id.to_string() data-number=transfer.number.clone() data-status=wire(&transfer.status)>
            <td class="code"><a href=format!("/transfers/{}", transfer.id)><bdi dir="ltr">{transfer.number.clone()}</bdi></a></td>
            <td class="status">{t(status_key(transfer.status))}</td>
            <td class="code"><bdi dir="ltr">{lookup.warehouse_code(transfer.from_warehouse_id)}</bdi></td>
            <td class="code"><bdi dir="ltr">{lookup.warehouse_code(transfer.to_warehouse_id)}</bdi></td>
            <td class="num">{move || i18n.number(lines)}</td>
            <td><time datetime=iso_instant(created)>{move || i18n.instant_date(created)}</time></td>
        </tr>
    }
    .into_any()
}
