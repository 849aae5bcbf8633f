//! `/orders`: taking a new order in, the orders of the user's part of the
//! network newest first (filtered by status, platform and order number, kept in
//! the URL, a page at a time), and the units kept in the returns warehouses.

use aftersales_api_types::orders::{OrderStatus, OrderSummaryDto};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use uuid::Uuid;

use super::filters::OrderFilters;
use super::form::NewOrderForm;
use super::returned::ReturnedUnits;
use super::{Names, WithNames, status_badge, status_key};
use crate::api;
use crate::components::table::PagedTable;
use crate::i18n::date::{iso_date, iso_instant};
use crate::i18n::{t, use_i18n};

const COLUMNS: &[&str] = &[
    "orders.reference",
    "orders.status",
    "orders.platform",
    "orders.customer",
    "orders.ordered_on",
    "orders.delivered_on",
    "orders.updated",
];

#[component]
pub fn OrdersPage() -> impl IntoView {
    view! {
        <section class="page orders-page">
            <h1 id="orders-title">{t("orders.title")}</h1>
            <p class="muted">{t("orders.intro")}</p>
            <WithNames page=|names| view! { <OrdersScreen names /> } />
        </section>
    }
}

#[component]
fn OrdersScreen(names: Names) -> impl IntoView {
    let query = use_query_map();
    let filters = Memo::new(move |_| query.with(|q| OrderFilters::from_query(|name| q.get(name))));
    let adding = RwSignal::new(false);
    let table = move || {
        let current = StoredValue::new(filters.get());
        view! {
            <PagedTable caption="orders.list_caption" columns=COLUMNS
                fetch=move |cursor| api::orders::list(names.session, current.get_value(), cursor)
                row=order_row />
        }
    };
    view! {
        <Show when=move || !adding.get() fallback=move || view! {
            <NewOrderForm names on_close=Callback::new(move |()| adding.set(false)) />
        }>
            <p>
                <button id="order-new" type="button" class="button primary" on:click=move |_| adding.set(true)>
                    {t("orders.new")}
                </button>
            </p>
        </Show>
        <FilterBar names filters />
        <h2 id="orders-list-title">{t("orders.list_caption")}</h2>
        <div id="orders-list">{table}</div>
        <ReturnedUnits names />
    }
}

#[component]
fn FilterBar(names: Names, filters: Memo<OrderFilters>) -> impl IntoView {
    let navigate = use_navigate();
    let go = StoredValue::new_local(move |next: OrderFilters| navigate(&next.href(), NavigateOptions::default()));
    let reference = RwSignal::new(filters.get_untracked().external_reference.unwrap_or_default());
    let status = move |ev: leptos::ev::Event| {
        let mut next = filters.get_untracked();
        next.status = OrderStatus::parse(&event_target_value(&ev));
        go.with_value(|go| go(next));
    };
    let partner = move |ev: leptos::ev::Event| {
        let mut next = filters.get_untracked();
        next.partner_id = Uuid::parse_str(&event_target_value(&ev)).ok();
        go.with_value(|go| go(next));
    };
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut next = filters.get_untracked();
        next.external_reference = Some(reference.get_untracked().trim().to_owned()).filter(|r| !r.is_empty());
        go.with_value(|go| go(next));
    };
    let clear = move |_| {
        reference.set(String::new());
        go.with_value(|go| go(OrderFilters::default()));
    };
    let status_options = OrderStatus::ALL
        .iter()
        .map(|s| {
            let s = *s;
            view! { <option value=s.as_str() selected=move || filters.get().status == Some(s)>{t(status_key(s))}</option> }
        })
        .collect_view();
    // The platforms, for those who may list them.
    let partner_filter = names.sellers.get_value().map(|sellers| {
        let options = sellers
            .into_iter()
            .map(|p| {
                let id = p.id;
                view! {
                    <option value=id.to_string() data-code=p.code.clone() selected=move || filters.get().partner_id == Some(id)>
                        {format!("{} — {}", p.code, p.name)}
                    </option>
                }
            })
            .collect_view();
        view! {
            <div class="field">
                <label for="orders-partner-filter">{t("orders.platform")}</label>
                <select id="orders-partner-filter" on:change=partner>
                    <option value="" selected=move || filters.get().partner_id.is_none()>{t("orders.any")}</option>
                    {options}
                </select>
            </div>
        }
    });
    view! {
        <form id="orders-filters" class="card ticket-filters" role="search" on:submit=search>
            <div class="field">
                <label for="orders-status-filter">{t("orders.status")}</label>
                <select id="orders-status-filter" on:change=status>
                    <option value="" selected=move || filters.get().status.is_none()>{t("orders.any")}</option>
                    {status_options}
                </select>
            </div>
            {partner_filter}
            <div class="field">
                <label for="orders-reference-filter">{t("orders.filter_reference")}</label>
                <input id="orders-reference-filter" type="search" dir="ltr" maxlength="64" autocomplete="off"
                    bind:value=reference />
            </div>
            <div class="form-actions">
                <button id="orders-search" type="submit" class="button">{t("orders.search")}</button>
                <button id="orders-clear" type="button" class="button secondary" on:click=clear>{t("orders.clear")}</button>
            </div>
        </form>
    }
}

fn order_row(order: OrderSummaryDto) -> AnyView {
    let i18n = use_i18n();
    let (ordered, delivered, updated) = (order.ordered_on, order.delivered_on, order.updated_at);
    view! {
        <tr class="order-row" data-id=order.id.to_string() data-reference=order.external_reference.clone()
            data-status=order.status.as_str()>
            <td class="code">
                <a href=format!("/orders/{}", order.id)><bdi dir="ltr">{order.external_reference.clone()}</bdi></a>
            </td>
            <td class="status">{status_badge(order.status)}</td>
            <td class="platform"><bdi>{order.partner_name.clone()}</bdi></td>
            <td class="customer"><bdi>{order.customer_name.clone()}</bdi></td>
            <td><time datetime=iso_date(ordered)>{move || i18n.date(ordered)}</time></td>
            <td>{delivered.map(|d| view! { <time datetime=iso_date(d)>{move || i18n.date(d)}</time> })}</td>
            <td><time datetime=iso_instant(updated)>{move || i18n.date_time(updated)}</time></td>
        </tr>
    }
    .into_any()
}
