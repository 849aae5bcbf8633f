//! The stock of every part in the chosen warehouse (`GET /stock`), by SKU; each
//! line comes with the part's SKU, name and currency.

use aftersales_api_types::stock::StockLineDto;
use leptos::prelude::*;

use super::StockView;
use crate::api;
use crate::components::problem::ErrorsView;
use crate::i18n::{t, use_i18n};

const COLUMNS: &[&str] = &[
    "stock.sku",
    "stock.part",
    "stock.on_hand",
    "stock.reserved",
    "stock.available",
    "stock.value",
    "stock.average_cost",
    "stock.ledger",
];

#[component]
pub fn BalancesTable(stock: StockView) -> impl IntoView {
    let session = stock.session;
    let lines = LocalResource::new(move || {
        let warehouse = stock.warehouse.get();
        let _ = stock.changes.get();
        async move {
            match warehouse {
                Some(w) => api::stock::balances(session, w).await,
                None => Ok(Vec::new()),
            }
        }
    });
    let width = COLUMNS.len();
    let loading = move || {
        view! {
            <tbody>
                <tr>
                    <td colspan=width class="muted">{t("table.loading")}</td>
                </tr>
            </tbody>
        }
    };
    let failed = move |errors: ArcRwSignal<Errors>| {
        view! {
            <tbody>
                <tr>
                    <td colspan=width>
                        <ErrorsView errors />
                    </td>
                </tr>
            </tbody>
        }
    };
    view! {
        <div class="table-wrap">
            <table id="stock-table" class="data">
                <caption class="visually-hidden">{t("stock.balances")}</caption>
                <thead>
                    <tr>{COLUMNS.iter().map(|c| view! { <th scope="col">{t(c)}</th> }).collect_view()}</tr>
                </thead>
                <Transition fallback=loading>
                    <ErrorBoundary fallback=failed>
                        {move || Suspend::new(async move {
                            lines.await.map(|lines| {
                                let empty = lines.is_empty().then(|| view! {
                                    <tr id="stock-empty">
                                        <td colspan=width class="muted">{t("stock.empty")}</td>
                                    </tr>
                                });
                                let rows = lines.into_iter().map(|l| view! { <BalanceRow stock line=l /> }).collect_view();
                                view! { <tbody>{rows}{empty}</tbody> }
                            })
                        })}
                    </ErrorBoundary>
                </Transition>
            </table>
        </div>
    }
}

#[component]
fn BalanceRow(stock: StockView, line: StockLineDto) -> impl IntoView {
    let i18n = use_i18n();
    let sku = line.sku.clone();
    let sku_attr = sku.clone();
    let name = line.part_name.clone();
    let currency = line.currency.clone();
    let cost_currency = currency.clone();
    let part_id = line.part_id;
    let open = move |_| stock.ledger_part.set(Some(part_id));
    let current = move || stock.ledger_part.get() == Some(part_id);
    view! {
        <tr data-sku=sku_attr class:selected=current>
            <td class="code">{sku}</td>
            <td>{name}</td>
            <td class="num on-hand">{move || i18n.number(line.on_hand)}</td>
            <td class="num">{move || i18n.number(line.reserved)}</td>
            <td class="num available">{move || i18n.number(line.available)}</td>
            <td class="num">{move || i18n.money_minor(line.value_minor, &currency)}</td>
            <td class="num">{move || i18n.money_minor(line.average_cost_minor, &cost_currency)}</td>
            <td>
                <button type="button" class="button link ledger-open" on:click=open aria-pressed=move || current().to_string()>
                    {t("stock.show_ledger")}
                </button>
            </td>
        </tr>
    }
}
