//! `/purchase-orders/:id`: one order with its lines. A draft is changed, ordered or
//! cancelled here; goods are received against an order line by line. Every change
//! shows at once from the server's answer, without a page reload.

use aftersales_api_types::auth::Permission;
use aftersales_api_types::problem::Problem;
use aftersales_api_types::purchasing::{PurchaseOrderDto, PurchaseOrderLineDto, PurchaseOrderStatus};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use super::Lists;
use super::draft::{DraftForm, DraftStart};
use super::list::status_badge;
use super::receive::{ReceiveBar, ReceiveState, receive_cell};
use crate::api::{self, ApiError};
use crate::components::problem::{ErrorsView, ProblemView};
use crate::components::toast::use_toasts;
use crate::i18n::date::iso_instant;
use crate::i18n::number::parse_amount;
use crate::i18n::{t, use_i18n};
use crate::session::use_session;

#[component]
pub fn PurchaseOrderPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| Uuid::parse_str(&id).ok())).unwrap_or_default());
    let data = LocalResource::new(move || {
        let id = id.get();
        async move {
            let lists = Lists::load(session).await?;
            let order = api::purchasing::get(session, id).await?;
            Ok::<_, ApiError>((lists, order))
        }
    });
    view! {
        <section class="page purchase-order-page">
            <p><a id="po-back" href="/purchase-orders">{t("purchasing.back")}</a></p>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                    {move || Suspend::new(async move {
                        data.await.map(|(lists, order)| view! { <OrderScreen lists order /> })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

/// What the parts of the order page share.
#[derive(Debug, Clone, Copy)]
pub struct OrderView {
    pub lists: Lists,
    pub order: RwSignal<PurchaseOrderDto>,
    /// The last action's problem that names no line.
    pub problem: RwSignal<Option<Problem>>,
}

#[component]
fn OrderScreen(lists: Lists, order: PurchaseOrderDto) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let session = lists.session;
    let view = OrderView { lists, order: RwSignal::new(order), problem: RwSignal::new(None) };
    let order = view.order;
    let may_buy = untrack(|| session.may(Permission::ManageParts));
    let may_receive = untrack(|| session.may(Permission::MoveStock));
    let editing = RwSignal::new(false);
    let receiving = ReceiveState::new();
    let status = move || order.with(|o| o.status);
    let nothing_arrived = move || order.with(|o| o.lines.iter().all(|l| l.quantity_received == 0));
    let is_draft = move || status() == PurchaseOrderStatus::Draft;
    let may_cancel = move || {
        may_buy && matches!(status(), PurchaseOrderStatus::Draft | PurchaseOrderStatus::Ordered) && nothing_arrived()
    };
    let receivable = move || matches!(status(), PurchaseOrderStatus::Ordered | PurchaseOrderStatus::PartiallyReceived);

    // Order and cancel: the answer replaces the order on the page.
    let act = Action::new_local(move |what: &&'static str| {
        let what = *what;
        let (id, version) = order.with_untracked(|o| (o.id, o.version));
        async move {
            let result = match what {
                "order" => api::purchasing::order(session, id, version).await,
                _ => api::purchasing::cancel(session, id, version).await,
            };
            match result {
                Ok(updated) => {
                    order.try_set(updated);
                    toasts.show(i18n.text(if what == "order" {
                        "purchasing.ordered_note"
                    } else {
                        "purchasing.cancelled_note"
                    }));
                }
                Err(e) => {
                    view.problem.try_set(Some(e.problem));
                }
            }
        }
    });
    let saved = Callback::new(move |updated: PurchaseOrderDto| {
        order.set(updated);
        editing.set(false);
        toasts.show(i18n.text("purchasing.saved_note"));
    });
    let close = Callback::new(move |()| editing.set(false));
    let form = move || {
        editing.get().then(|| {
            let existing = order.get_untracked();
            let start = DraftStart::of(&existing);
            view! { <DraftForm lists start existing=Some(existing) saved close /> }
        })
    };
    let problem = move || {
        view.problem
            .get()
            .map(|p| view! { <div id="po-action-problem" class="alert" role="alert"><ProblemView problem=p /></div> })
    };
    view! {
        <h1 id="po-number"><bdi>{move || order.with(|o| o.number.clone())}</bdi></h1>
        <p id="po-status">{move || status_badge(status())}</p>
        <Facts view />
        {problem}
        <Show when=move || may_buy && !editing.get()>
            <div id="po-actions" class="actions">
                <Show when=is_draft>
                    <button id="po-edit" type="button" class="button" on:click=move |_| {
                        view.problem.set(None);
                        editing.set(true);
                    }>{t("purchasing.edit")}</button>
                    <button id="po-order" type="button" class="button primary" disabled=move || act.pending().get()
                        on:click=move |_| {
                            view.problem.set(None);
                            act.dispatch_local("order");
                        }>{t("purchasing.order")}</button>
                </Show>
                <Show when=may_cancel>
                    <button id="po-cancel" type="button" class="button danger" disabled=move || act.pending().get()
                        on:click=move |_| {
                            view.problem.set(None);
                            act.dispatch_local("cancel");
                        }>{t("purchasing.cancel")}</button>
                </Show>
            </div>
        </Show>
        {form}
        <h2 id="po-lines-title">{t("purchasing.lines")}</h2>
        <LinesTable view receiving receivable=Signal::derive(move || may_receive && receivable()) />
        <Show when=move || may_receive && receivable()>
            <ReceiveBar view receiving />
        </Show>
    }
}

#[component]
fn Facts(view: OrderView) -> impl IntoView {
    let i18n = use_i18n();
    let order = view.order;
    let lists = view.lists;
    let brand = move || {
        order.with(|o| o.brand_id).and_then(|b| {
            lists.brands.with_value(|bs| bs.iter().find(|x| x.id == b).map(|x| format!("{} — {}", x.code, x.name)))
        })
    };
    let total = move || order.with(|o| i18n.money_minor(super::total_minor(o), &o.currency));
    let when = move |at: Option<chrono::DateTime<chrono::Utc>>| {
        at.map(|at| view! { <time datetime=iso_instant(at)>{move || i18n.date_time(at)}</time> })
    };
    view! {
        <dl id="po-facts" class="facts">
            <dt>{t("purchasing.supplier")}</dt>
            <dd id="po-supplier-value">{move || order.with(|o| o.supplier_name.clone())}</dd>
            <dt>{t("purchasing.brand")}</dt>
            <dd>{move || brand().unwrap_or_else(|| i18n.text("purchasing.no_brand").to_owned())}</dd>
            <dt>{t("purchasing.receiving_warehouse")}</dt>
            <dd class="code"><a href="/stock"><bdi>{move || lists.warehouse_code(order.with(|o| o.warehouse_id))}</bdi></a></dd>
            <dt>{t("purchasing.expected_on")}</dt>
            <dd>{move || order.with(|o| o.expected_on).map(|d| i18n.date(d)).unwrap_or_else(|| "—".to_owned())}</dd>
            <dt>{t("purchasing.total")}</dt>
            <dd id="po-total" class="num">{total}</dd>
            <dt>{t("purchasing.created_at")}</dt>
            <dd>{move || when(Some(order.with(|o| o.created_at)))}</dd>
            <Show when=move || order.with(|o| o.ordered_at.is_some())>
                <dt>{t("purchasing.ordered_at")}</dt>
                <dd>{move || when(order.with(|o| o.ordered_at))}</dd>
            </Show>
            <Show when=move || order.with(|o| o.received_at.is_some())>
                <dt>{t("purchasing.received_at")}</dt>
                <dd id="po-received-at">{move || when(order.with(|o| o.received_at))}</dd>
            </Show>
            <Show when=move || order.with(|o| o.note.is_some())>
                <dt>{t("purchasing.note")}</dt>
                <dd>{move || order.with(|o| o.note.clone())}</dd>
            </Show>
        </dl>
    }
}

#[component]
fn LinesTable(view: OrderView, receiving: ReceiveState, receivable: Signal<bool>) -> impl IntoView {
    let order = view.order;
    let heads = move || {
        let mut cols = vec![
            "purchasing.sku",
            "purchasing.part",
            "purchasing.ordered",
            "purchasing.received",
            "purchasing.outstanding",
            "purchasing.unit_cost",
            "purchasing.line_total",
        ];
        if receivable.get() {
            cols.push("purchasing.receive_now");
        }
        cols.into_iter().map(|c| view! { <th scope="col">{t(c)}</th> }).collect_view()
    };
    let rows = move || {
        let currency = order.with(|o| o.currency.clone());
        order
            .get()
            .lines
            .into_iter()
            .map(|line| line_row(view, receiving, receivable.get(), line, currency.clone()))
            .collect_view()
    };
    view! {
        <div class="table-wrap" style="position: relative">
            <table id="po-lines-view" class="data">
                <caption class="visually-hidden">{t("purchasing.lines")}</caption>
                <thead><tr>{heads}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn line_row(
    view: OrderView,
    receiving: ReceiveState,
    receivable: bool,
    line: PurchaseOrderLineDto,
    currency: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let part = view.lists.part(line.part_id);
    let sku = part.as_ref().map_or_else(|| line.part_id.to_string(), |p| p.sku.clone());
    let name = part.map(|p| p.name).unwrap_or_default();
    let unit = line.unit_cost.clone();
    let line_total = parse_amount(&unit.amount, &unit.currency).unwrap_or(0).saturating_mul(line.quantity_ordered);
    let total_currency = currency.clone();
    let cell = receivable.then(|| receive_cell(receiving, &line, &sku));
    view! {
        <tr class="po-line" data-sku=sku.clone() data-part=line.part_id.to_string()>
            <td class="code"><a href="/stock" title=t("purchasing.see_stock")><bdi>{sku.clone()}</bdi></a></td>
            <td>{name}</td>
            <td class="num ordered">{move || i18n.number(line.quantity_ordered)}</td>
            <td class="num received">{move || i18n.number(line.quantity_received)}</td>
            <td class="num outstanding">{move || i18n.number(line.outstanding)}</td>
            <td class="num">{move || i18n.money(&unit.amount, &unit.currency)}</td>
            <td class="num">{move || i18n.money_minor(line_total, &total_currency)}</td>
            {cell}
        </tr>
    }
}
