//! `/part-sales/:id`: one sale as its printable slip — the branch, the number,
//! the date, who bought and who sold, each line with its price and the total, all
//! named as the server answered. On screen only: the cost and margin.

use aftersales_api_types::part_sales::{PartSaleDto, PartSaleLineDto};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use crate::api;
use crate::components::problem::ErrorsView;
use crate::i18n::date::iso_instant;
use crate::i18n::{t, use_i18n};
use crate::session::use_session;

const COLUMNS: &[&str] = &[
    "part_sales.line_no",
    "part_sales.sku",
    "part_sales.part",
    "part_sales.quantity",
    "part_sales.unit_price",
    "part_sales.discount",
    "part_sales.line_total",
];

#[component]
pub fn PartSalePage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| Uuid::parse_str(&v).ok())).unwrap_or_default();
    let found = LocalResource::new(move || {
        let id = id();
        async move { api::part_sales::get(session, id).await }
    });
    view! {
        <section class="page part-sale-page">
            <p class="back no-print"><a href="/part-sales">{t("part_sales.back")}</a></p>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                    {move || Suspend::new(async move { found.await.map(|sale| view! { <Slip sale /> }) })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn Slip(sale: PartSaleDto) -> impl IntoView {
    let i18n = use_i18n();
    let sold_at = sale.sold_at;
    let total = sale.total.clone();
    let total_amount = total.amount.clone();
    let cost = sale.cost.clone();
    let margin = sale.margin_minor;
    let currency = sale.total.currency.clone();
    let buyer = sale.buyer_name.clone().unwrap_or_else(|| "—".to_owned());
    let phone = sale.customer_phone.clone();
    let note = sale.note.clone();
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    let rows = sale.lines.into_iter().map(|line| view! { <SlipLine line /> }).collect_view();
    view! {
        <article id="sale-slip" class="card sale-slip" data-id=sale.id.to_string()>
            <header class="slip-head">
                <p id="slip-branch" class="slip-branch">
                    <bdi class="code">{sale.branch_code.clone()}</bdi> " — " <bdi>{sale.branch_name.clone()}</bdi>
                </p>
                <h1>{t("part_sales.slip_title")}</h1>
            </header>
            <dl class="profile slip-facts">
                <dt>{t("part_sales.number")}</dt>
                <dd id="slip-number" class="code"><bdi>{sale.number.clone()}</bdi></dd>
                <dt>{t("part_sales.sold_at")}</dt>
                <dd><time id="slip-date" datetime=iso_instant(sold_at)>{move || i18n.date_time(sold_at)}</time></dd>
                <dt>{t("part_sales.warehouse")}</dt>
                <dd id="slip-warehouse">
                    <bdi class="code">{sale.warehouse_code.clone()}</bdi> " — " <bdi>{sale.warehouse_name.clone()}</bdi>
                </dd>
                <dt>{t("part_sales.buyer")}</dt>
                <dd id="slip-buyer">
                    <bdi>{buyer}</bdi>
                    {phone.map(|p| view! { " · " <bdi dir="ltr">{p}</bdi> })}
                </dd>
                <dt>{t("part_sales.sold_by")}</dt>
                <dd id="slip-seller"><bdi>{sale.sold_by_name.clone()}</bdi></dd>
                {note.map(|n| view! { <dt>{t("part_sales.note")}</dt><dd id="slip-note" dir="auto">{n}</dd> })}
            </dl>
            <div class="table-wrap">
                <table id="slip-lines" class="data slip-lines">
                    <caption class="visually-hidden">{t("part_sales.lines")}</caption>
                    <thead>
                        <tr>{COLUMNS.iter().map(|c| view! { <th scope="col">{t(c)}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>{rows}</tbody>
                    <tfoot>
                        <tr class="slip-total">
                            <th scope="row" colspan="6">{t("part_sales.total")}</th>
                            <td id="slip-total" class="num" data-amount=total_amount>
                                {move || i18n.money(&total.amount, &total.currency)}
                            </td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            <dl class="profile slip-margin no-print">
                <dt>{t("part_sales.cost")}</dt>
                <dd id="slip-cost">{move || i18n.money(&cost.amount, &cost.currency)}</dd>
                <dt>{t("part_sales.margin")}</dt>
                <dd id="slip-margin">{move || i18n.money_minor(margin, &currency)}</dd>
            </dl>
            <div class="actions no-print">
                <button id="slip-print" type="button" class="button primary" on:click=print>{t("part_sales.print")}</button>
                <a class="button secondary" href="/part-sales/new">{t("part_sales.new")}</a>
            </div>
        </article>
    }
}

#[component]
fn SlipLine(line: PartSaleLineDto) -> impl IntoView {
    let i18n = use_i18n();
    let (unit, discount, total) = (line.unit_price.clone(), line.discount.clone(), line.line_total.clone());
    let no = i64::from(line.line_no);
    let quantity = line.quantity;
    let no_discount = discount.amount.trim_start_matches(['0', '.']).is_empty();
    view! {
        <tr class="slip-line" data-sku=line.sku.clone()>
            <td class="num">{move || i18n.number(no)}</td>
            <td class="code"><bdi>{line.sku.clone()}</bdi></td>
            <td>
                <bdi>{line.part_name.clone()}</bdi>
                {line.price_reason.clone().map(|r| view! { <p class="muted price-reason" dir="auto">{r}</p> })}
            </td>
            <td class="num quantity">{move || i18n.number(quantity)}</td>
            <td class="num">{move || i18n.money(&unit.amount, &unit.currency)}</td>
            <td class="num">
                {move || if no_discount { "—".to_owned() } else { i18n.money(&discount.amount, &discount.currency) }}
            </td>
            <td class="num line-total">{move || i18n.money(&total.amount, &total.currency)}</td>
        </tr>
    }
}
