//! `/part-sales`: the counter sales of the user's part of the network, newest
//! first, filtered by warehouse and days (kept in the URL), a page at a time.

use aftersales_api_types::part_sales::PartSaleDto;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use uuid::Uuid;

use super::filters::SaleFilters;
use super::{Lists, WithLists, may_sell};
use crate::api;
use crate::components::problem::{FieldErrors, browser_problem};
use crate::components::table::PagedTable;
use crate::i18n::date::iso_instant;
use crate::i18n::{t, use_i18n};

const COLUMNS: &[&str] = &[
    "part_sales.number",
    "part_sales.sold_at",
    "part_sales.warehouse",
    "part_sales.buyer",
    "part_sales.lines_count",
    "part_sales.total",
    "part_sales.sold_by",
];

#[component]
pub fn PartSalesPage() -> impl IntoView {
    view! {
        <section class="page part-sales-page">
            <h1 id="sales-title">{t("part_sales.title")}</h1>
            <WithLists page=|lists| view! { <SalesScreen lists /> } />
        </section>
    }
}

#[component]
fn SalesScreen(lists: Lists) -> impl IntoView {
    let query = use_query_map();
    let filters = Memo::new(move |_| query.with(|q| SaleFilters::from_query(|name| q.get(name))));
    let session = lists.session;
    let table = move || {
        let current = StoredValue::new(filters.get());
        view! {
            <PagedTable
                caption="part_sales.list_caption"
                columns=COLUMNS
                fetch=move |cursor| api::part_sales::list(session, current.get_value(), cursor)
                row=sale_row
            />
        }
    };
    view! {
        <Show when=move || may_sell(session)>
            <p>
                <a id="sale-new" class="button primary" href="/part-sales/new">{t("part_sales.new")}</a>
            </p>
        </Show>
        <FilterBar lists filters />
        <div id="sales-list">{table}</div>
    }
}

#[component]
fn FilterBar(lists: Lists, filters: Memo<SaleFilters>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let go = StoredValue::new_local(move |next: SaleFilters| navigate(&next.href(), NavigateOptions::default()));
    let shown = |day: Option<chrono::NaiveDate>| day.map(|d| i18n.date_input_value(d)).unwrap_or_default();
    let from = RwSignal::new(shown(filters.get_untracked().from));
    let to = RwSignal::new(shown(filters.get_untracked().to));
    let problem = RwSignal::new(None);
    let warehouse = move |ev: leptos::ev::Event| {
        let mut next = filters.get_untracked();
        next.warehouse_id = Uuid::parse_str(&event_target_value(&ev)).ok();
        go.with_value(|go| go(next));
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let read = |text: String| {
            let text = text.trim().to_owned();
            if text.is_empty() { Ok(None) } else { i18n.parse_date(&text).map(Some).ok_or(()) }
        };
        let (first, last) = (read(from.get_untracked()), read(to.get_untracked()));
        let bad: Vec<(&str, &str)> = [("from", first.is_err()), ("to", last.is_err())]
            .into_iter()
            .filter(|(_, bad)| *bad)
            .map(|(field, _)| (field, "part_sales.error.date"))
            .collect();
        problem.set((!bad.is_empty()).then(|| browser_problem(&bad)));
        if let (Ok(first), Ok(last)) = (first, last) {
            let mut next = filters.get_untracked();
            (next.from, next.to) = (first, last);
            go.with_value(|go| go(next));
        }
    };
    let options = lists
        .warehouse_options(false)
        .into_iter()
        .map(|(id, code, label)| {
            view! {
                <option value=id.to_string() data-code=code selected=move || filters.get().warehouse_id == Some(id)>
                    {label}
                </option>
            }
        })
        .collect_view();
    let problem_signal = Signal::from(problem);
    view! {
        <form id="sales-filters" class="card filters" role="search" on:submit=submit>
            <div class="field">
                <label for="sales-warehouse-filter">{t("part_sales.warehouse")}</label>
                <select id="sales-warehouse-filter" on:change=warehouse>
                    <option value="" selected=move || filters.get().warehouse_id.is_none()>{t("part_sales.any")}</option>
                    {options}
                </select>
            </div>
            <div class="field">
                <label for="sales-from">{t("part_sales.from")}</label>
                <input id="sales-from" type="text" inputmode="numeric" autocomplete="off" bind:value=from />
                <FieldErrors problem=problem_signal field="from" id="sales-from" />
            </div>
            <div class="field">
                <label for="sales-to">{t("part_sales.to")}</label>
                <input id="sales-to" type="text" inputmode="numeric" autocomplete="off" bind:value=to />
                <FieldErrors problem=problem_signal field="to" id="sales-to" />
            </div>
            <div class="actions">
                <button id="sales-filter" type="submit" class="button">{t("part_sales.show")}</button>
            </div>
        </form>
    }
}

fn sale_row(sale: PartSaleDto) -> AnyView {
    let i18n = use_i18n();
    let sold_at = sale.sold_at;
    let lines = sale.lines.len() as i64;
    let total = sale.total.clone();
    let href = format!("/part-sales/{}", sale.id);
    view! {
        <tr data-number=sale.number.clone()>
            <td class="code"><a href=href><bdi>{sale.number.clone()}</bdi></a></td>
            <td><time datetime=iso_instant(sold_at)>{move || i18n.date_time(sold_at)}</time></td>
            <td class="code"><bdi>{sale.warehouse_code.clone()}</bdi></td>
            <td><bdi>{sale.buyer_name.clone().unwrap_or_else(|| "—".to_owned())}</bdi></td>
            <td class="num">{move || i18n.number(lines)}</td>
            <td class="num total">{move || i18n.money(&total.amount, &total.currency)}</td>
            <td><bdi>{sale.sold_by_name.clone()}</bdi></td>
        </tr>
    }
    .into_any()
}
