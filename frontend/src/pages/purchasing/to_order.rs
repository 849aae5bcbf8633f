//! "To order": the active parts with less on hand than their reorder point
//! (`GET /reports/below-reorder-point`, of the filtered warehouse when one is
//! chosen), and a button that starts a draft with them.

use aftersales_api_types::stock_reports::BelowReorderLine;
use leptos::prelude::*;
use uuid::Uuid;

use super::Lists;
use super::draft::{DraftStart, StartLine};
use crate::api;
use crate::components::problem::ErrorsView;
use crate::i18n::{t, use_i18n};

const COLUMNS: &[&str] =
    &["purchasing.sku", "purchasing.part", "purchasing.on_hand", "purchasing.reorder_point", "purchasing.shortfall"];

#[component]
pub fn ToOrder(
    lists: Lists,
    warehouse: Signal<Option<Uuid>>,
    may_buy: bool,
    starting: RwSignal<Option<DraftStart>>,
) -> impl IntoView {
    let session = lists.session;
    let report = LocalResource::new(move || {
        let w = warehouse.get();
        async move { api::purchasing::below_reorder_point(session, w).await }
    });
    let start = move |lines: Vec<BelowReorderLine>| {
        // One order has one currency: the parts priced like the first one.
        let currency = lines.iter().find_map(|l| lists.part(l.part_id)).map(|p| p.standard_cost.currency);
        let chosen = lines
            .iter()
            .filter(|l| lists.part(l.part_id).map(|p| p.standard_cost.currency) == currency)
            .map(|l| StartLine { part_id: l.part_id, quantity: l.shortfall.max(1), unit_cost: None })
            .collect();
        starting.set(Some(DraftStart { warehouse_id: warehouse.get_untracked(), lines: chosen }));
    };
    view! {
        <section id="to-order" class="to-order">
            <h2 id="to-order-title">{t("purchasing.to_order")}</h2>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                    {move || Suspend::new(async move {
                        report.await.map(|report| {
                            let lines = report.lines;
                            if lines.is_empty() {
                                return view! { <p id="to-order-empty" class="muted">{t("purchasing.to_order_empty")}</p> }.into_any();
                            }
                            let kept = StoredValue::new(lines.clone());
                            let rows = lines.into_iter().map(to_order_row).collect_view();
                            view! {
                                <div class="table-wrap">
                                    <table id="to-order-table" class="data">
                                        <caption class="visually-hidden">{t("purchasing.to_order")}</caption>
                                        <thead>
                                            <tr>{COLUMNS.iter().map(|c| view! { <th scope="col">{t(c)}</th> }).collect_view()}</tr>
                                        </thead>
                                        <tbody>{rows}</tbody>
                                    </table>
                                </div>
                                <Show when=move || may_buy && starting.get().is_none()>
                                    <p>
                                        <button id="to-order-start" type="button" class="button"
                                            on:click=move |_| start(kept.get_value())>
                                            {t("purchasing.to_order_start")}
                                        </button>
                                    </p>
                                </Show>
                            }
                            .into_any()
                        })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

fn to_order_row(line: BelowReorderLine) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <tr data-sku=line.sku.clone()>
            <td class="code">
                <a href="/stock" title=t("purchasing.see_stock")><bdi>{line.sku.clone()}</bdi></a>
            </td>
            <td>{line.name.clone()}</td>
            <td class="num">{move || i18n.number(line.on_hand)}</td>
            <td class="num">{move || i18n.number(line.reorder_point)}</td>
            <td class="num shortfall">{move || i18n.number(line.shortfall)}</td>
        </tr>
    }
}
