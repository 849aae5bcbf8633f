//! `/purchase-orders`: the orders of the user's part of the network, newest first,
//! filtered by status and warehouse (kept in the URL), a page at a time; the parts
//! to order; and the form of a new draft.

use aftersales_api_types::auth::Permission;
use aftersales_api_types::purchasing::{PurchaseOrderDto, PurchaseOrderStatus};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use uuid::Uuid;

use super::Lists;
use super::draft::{DraftForm, DraftStart};
use super::filters::{OrderFilters, STATUSES, status_code, status_key};
use super::to_order::ToOrder;
use crate::api;
use crate::components::problem::ErrorsView;
use crate::components::table::PagedTable;
use crate::i18n::date::iso_instant;
use crate::i18n::{t, use_i18n};
use crate::session::use_session;

const COLUMNS: &[&str] = &[
    "purchasing.number",
    "purchasing.status",
    "purchasing.supplier",
    "purchasing.warehouse",
    "purchasing.expected_on",
    "purchasing.total",
    "purchasing.created_at",
];

#[component]
pub fn PurchaseOrdersPage() -> impl IntoView {
    let session = use_session();
    let lists = LocalResource::new(move || Lists::load(session));
    view! {
        <section class="page purchasing-page">
            <h1 id="po-title">{t("purchasing.title")}</h1>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                    {move || Suspend::new(async move { lists.await.map(|lists| view! { <OrdersScreen lists /> }) })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn OrdersScreen(lists: Lists) -> impl IntoView {
    let query = use_query_map();
    let filters = Memo::new(move |_| query.with(|q| OrderFilters::from_query(|name| q.get(name))));
    let may_buy = untrack(|| lists.session.may(Permission::ManageParts));
    let starting = RwSignal::new(None::<DraftStart>);
    let navigate = use_navigate();
    let saved = Callback::new(move |order: PurchaseOrderDto| {
        navigate(&format!("/purchase-orders/{}", order.id), NavigateOptions::default());
    });
    let table = move || {
        let current = StoredValue::new(filters.get());
        view! {
            <PagedTable
                caption="purchasing.list_caption"
                columns=COLUMNS
                fetch=move |cursor| api::purchasing::list(lists.session, current.get_value(), cursor)
                row=move |order| order_row(lists, order)
            />
        }
    };
    let form = move || {
        starting.get().map(|start| {
            let close = Callback::new(move |()| starting.set(None));
            view! { <DraftForm lists start existing=None saved close /> }
        })
    };
    let new_draft = move |_| {
        starting.set(Some(DraftStart { warehouse_id: filters.get_untracked().warehouse_id, lines: Vec::new() }));
    };
    view! {
        <FilterBar lists filters />
        <Show when=move || may_buy && starting.get().is_none()>
            <p>
                <button id="po-new" type="button" class="button primary" on:click=new_draft>
                    {t("purchasing.new")}
                </button>
            </p>
        </Show>
        {form}
        <ToOrder lists warehouse=Signal::derive(move || filters.get().warehouse_id) may_buy starting />
        <h2 id="po-list-title">{t("purchasing.list_caption")}</h2>
        <div id="po-list">{table}</div>
    }
}

#[component]
fn FilterBar(lists: Lists, filters: Memo<OrderFilters>) -> impl IntoView {
    let navigate = use_navigate();
    let go = StoredValue::new_local(move |next: OrderFilters| navigate(&next.href(), NavigateOptions::default()));
    let status = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let mut next = filters.get_untracked();
        next.status = STATUSES.iter().copied().find(|s| status_code(*s) == value);
        go.with_value(|go| go(next));
    };
    let warehouse = move |ev: leptos::ev::Event| {
        let mut next = filters.get_untracked();
        next.warehouse_id = Uuid::parse_str(&event_target_value(&ev)).ok();
        go.with_value(|go| go(next));
    };
    let status_options = STATUSES
        .iter()
        .map(|s| {
            let s = *s;
            view! {
                <option value=status_code(s) selected=move || filters.get().status == Some(s)>{t(status_key(s))}</option>
            }
        })
        .collect_view();
    let warehouse_options = lists.warehouses.with_value(|ws| {
        ws.iter()
            .map(|w| {
                let id = w.id;
                view! {
                    <option value=id.to_string() data-code=w.code.clone() selected=move || filters.get().warehouse_id == Some(id)>
                        {format!("{} — {}", w.code, w.name)}
                    </option>
                }
            })
            .collect_view()
    });
    view! {
        <form id="po-filters" class="card po-filters" role="search" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="po-status-filter">{t("purchasing.status")}</label>
                <select id="po-status-filter" on:change=status>
                    <option value="" selected=move || filters.get().status.is_none()>{t("purchasing.any")}</option>
                    {status_options}
                </select>
            </div>
            <div class="field">
                <label for="po-warehouse-filter">{t("purchasing.warehouse")}</label>
                <select id="po-warehouse-filter" on:change=warehouse>
                    <option value="" selected=move || filters.get().warehouse_id.is_none()>{t("purchasing.any")}</option>
                    {warehouse_options}
                </select>
            </div>
        </form>
    }
}

/// A status in words, marked with its code for styling.
pub fn status_badge(status: PurchaseOrderStatus) -> impl IntoView {
    view! { <span class=format!("badge po-status status-{}", status_code(status)) data-status=status_code(status)>{t(status_key(status))}</span> }
}

fn order_row(lists: Lists, order: PurchaseOrderDto) -> AnyView {
    let i18n = use_i18n();
    let total = super::total_minor(&order);
    let currency = order.currency.clone();
    let expected = order.expected_on;
    let created = order.created_at;
    let href = format!("/purchase-orders/{}", order.id);
    view! {
        <tr data-number=order.number.clone() data-status=status_code(order.status)>
            <td class="code">
                <a href=href><bdi>{order.number.clone()}</bdi></a>
            </td>
            <td>{status_badge(order.status)}</td>
            <td>{order.supplier_name.clone()}</td>
            <td class="code"><bdi>{lists.warehouse_code(order.warehouse_id)}</bdi></td>
            <td>{move || expected.map(|d| i18n.date(d)).unwrap_or_default()}</td>
            <td class="num total">{move || i18n.money_minor(total, &currency)}</td>
            <td>
                <time datetime=iso_instant(created)>{move || i18n.instant_date(created)}</time>
            </td>
        </tr>
    }
    .into_any()
}
