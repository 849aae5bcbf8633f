//! The shipments (`GET /rtv-shipments`), newest first, filtered by status in the URL.

use aftersales_api_types::rtv::RtvShipmentDto;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::{Names, STATUSES, status_badge, status_key};
use crate::api;
use crate::components::table::PagedTable;
use crate::i18n::date::iso_instant;
use crate::i18n::{t, use_i18n};
use crate::query::{from_wire, href, wire};

const COLUMNS: &[&str] = &["rtv.number", "rtv.status", "rtv.warehouse", "rtv.brand", "rtv.quantity", "rtv.created"];

#[component]
pub fn ShipmentList(names: Names) -> impl IntoView {
    let session = names.session;
    let query = use_query_map();
    let status = Memo::new(move |_| query.with(|q| q.get("status").and_then(|s| from_wire(s.trim()))));
    let navigate = use_navigate();
    let choose = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let pairs: Vec<(&'static str, String)> = from_wire::<aftersales_api_types::rtv::RtvStatus>(&value)
            .map(|s| ("status", wire(&s)))
            .into_iter()
            .collect();
        navigate(&href("/rtv-shipments", &pairs), NavigateOptions::default());
    };
    let table = move || {
        let current = status.get();
        let row = move |shipment: RtvShipmentDto| shipment_row(names, shipment);
        view! {
            <PagedTable caption="rtv.title" columns=COLUMNS fetch=move |cursor| api::rtv::list(session, current, cursor) row />
        }
    };
    view! {
        <form id="rtv-filters" class="card rtv-filters" role="search" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="rtv-filter-status">{t("rtv.status")}</label>
                <select id="rtv-filter-status" on:change=choose>
                    <option value="" selected=move || status.get().is_none()>{t("rtv.any")}</option>
                    {STATUSES.into_iter().map(|s| view! {
                        <option value=wire(&s) selected=move || status.get() == Some(s)>{t(status_key(s))}</option>
                    }).collect_view()}
                </select>
            </div>
        </form>
        <div id="rtv-list">{table}</div>
    }
}

fn shipment_row(names: Names, s: RtvShipmentDto) -> AnyView {
    let i18n = use_i18n();
    let created = s.created_at;
    let quantity = s.quantity;
    view! {
        <tr class="rtv-shipment" data-id=s.id.to_string() data-number=s.number.clone() data-status=wire(&s.status)>
            <td class="code"><a href=format!("/rtv-shipments/{}", s.id)><bdi dir="ltr">{s.number.clone()}</bdi></a></td>
            <td>{status_badge(s.status)}</td>
            <td><bdi>{names.warehouses.label(s.warehouse_id)}</bdi></td>
            <td>{names.brand(s.brand_id)}</td>
            <td class="num">{move || i18n.number(quantity)}</td>
            <td><time datetime=iso_instant(created)>{move || i18n.instant_date(created)}</time></td>
        </tr>
    }
    .into_any()
}
