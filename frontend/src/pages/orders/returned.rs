//! The units buyers returned that the network keeps, refunded or exchanged, in
//! one returns warehouse at a time (`GET /warehouses/{id}/returned-units`),
//! newest first: which unit, from which order, why, and its ticket.

use aftersales_api_types::orders::OrderReturnDto;
use leptos::prelude::*;
use uuid::Uuid;

use super::links::{OrderLink, TicketLink, TicketUnit};
use super::{Names, kind_key, outcome_key};
use crate::api;
use crate::components::table::PagedTable;
use crate::i18n::date::iso_instant;
use crate::i18n::{t, use_i18n};

const COLUMNS: &[&str] = &[
    "orders.decided_at",
    "orders.unit",
    "orders.order",
    "orders.kind",
    "orders.outcome",
    "orders.reason",
    "orders.ticket",
];

#[component]
pub fn ReturnedUnits(names: Names) -> impl IntoView {
    let warehouses = names.returns_warehouses();
    let first = warehouses.first().map(|w| w.id);
    let chosen = RwSignal::new(first);
    let options = warehouses
        .into_iter()
        .map(|w| {
            let id = w.id;
            view! {
                <option value=id.to_string() data-code=w.code.clone() selected=move || chosen.get() == Some(id)>
                    {format!("{} — {}", w.code, w.name)}
                </option>
            }
        })
        .collect_view();
    let table = move || {
        chosen.get().map(|warehouse| {
            view! {
                <PagedTable caption="orders.returned_title" columns=COLUMNS
                    fetch=move |cursor| api::orders::returned_units(names.session, warehouse, cursor)
                    row=move |r| returned_row(names, r) />
            }
        })
    };
    view! {
        <section id="returned-units" class="card" aria-labelledby="returned-units-title">
            <h2 id="returned-units-title">{t("orders.returned_title")}</h2>
            <p class="hint muted">{t("orders.returned_hint")}</p>
            {if first.is_none() {
                view! { <p id="returned-no-warehouse" class="muted">{t("orders.no_returns_warehouse")}</p> }.into_any()
            } else {
                view! {
                    <div class="field">
                        <label for="returned-warehouse">{t("orders.warehouse")}</label>
                        <select id="returned-warehouse"
                            on:change=move |ev| chosen.set(Uuid::parse_str(&event_target_value(&ev)).ok())>
                            {options}
                        </select>
                    </div>
                    <div id="returned-list">{table}</div>
                }
                .into_any()
            }}
        </section>
    }
}

fn returned_row(names: Names, r: OrderReturnDto) -> AnyView {
    let i18n = use_i18n();
    let session = names.session;
    let decided = r.decided_at;
    view! {
        <tr class="returned-unit" data-id=r.id.to_string() data-order=r.order_id.to_string()
            data-outcome=r.outcome.map(|o| o.as_str())>
            <td>{decided.map(|at| view! { <time datetime=iso_instant(at)>{move || i18n.date_time(at)}</time> })}</td>
            <td><TicketUnit session ticket_id=r.ticket_id /></td>
            <td><OrderLink session id=r.order_id /></td>
            <td>{t(kind_key(r.kind))}</td>
            <td>{r.outcome.map(|o| t(outcome_key(o)))}</td>
            <td><bdi>{r.reason.clone()}</bdi></td>
            <td><TicketLink session id=r.ticket_id class="returned-ticket" /></td>
        </tr>
    }
    .into_any()
}
