//! `/orders/:id`: one order — where it is, who sold it to whom, its units with
//! their serials and installation tickets, the status change it may take now,
//! the returns and exchanges asked for on it with their decisions, and every
//! status it had. After each change the order is read again.

use aftersales_api_types::orders::{OrderDto, OrderEventDto, OrderLineDto, ReturnOutcome};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use super::links::{CustomerLink, TicketLink, serial_link};
use super::request::RequestForm;
use super::returns::ReturnsSection;
use super::status::StatusForm;
use super::{Names, outcome_key, status_badge, status_key};
use crate::api::{self, ApiError};
use crate::components::problem::ErrorsView;
use crate::i18n::date::{iso_date, iso_instant};
use crate::i18n::{t, use_i18n};
use crate::session::use_session;

const LINE_COLUMNS: &[&str] =
    &["orders.line", "orders.model", "orders.serial", "orders.installation_ticket", "orders.actions"];

/// What an order page shares: the names, the order as last read, and the
/// counter that has it read again.
#[derive(Debug, Clone, Copy)]
pub struct OrderView {
    pub names: Names,
    pub order: StoredValue<OrderDto>,
    pub changes: RwSignal<u32>,
}

impl OrderView {
    /// Read the order again (after a change made on its page).
    pub fn changed(&self) {
        self.changes.try_update(|n| *n += 1);
    }
}

#[component]
pub fn OrderPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| Uuid::parse_str(&id).ok())));
    let names = LocalResource::new(move || Names::load(session));
    let changes = RwSignal::new(0u32);
    let order = LocalResource::new(move || {
        let _ = changes.get();
        let id = id.get().unwrap_or_default();
        api::orders::get(session, id)
    });
    view! {
        <section class="page order-page">
            <p><a id="order-back" href="/orders">{t("orders.back")}</a></p>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                    {move || Suspend::new(async move {
                        let names = names.await?;
                        let order = order.await?;
                        let view = OrderView { names, order: StoredValue::new(order), changes };
                        Ok::<_, ApiError>(view! { <OrderScreen view /> })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn OrderScreen(view: OrderView) -> impl IntoView {
    let order = view.order.get_value();
    // The line a return or exchange is being asked for.
    let asking = RwSignal::new(None::<u32>);
    let lines = order.lines.iter().cloned().map(|line| line_row(view, asking, line)).collect_view();
    let history = order.history.iter().rev().cloned().map(history_item).collect_view();
    view! {
        <h1 id="order-reference"><bdi dir="ltr">{order.external_reference.clone()}</bdi></h1>
        <p id="order-status" data-status=order.status.as_str()>{status_badge(order.status)}</p>
        <Facts view />
        <StatusForm view />
        <h2 id="order-lines-title">{t("orders.lines_title")}</h2>
        <div class="table-wrap">
            <table id="order-lines" class="data">
                <caption class="visually-hidden">{t("orders.lines_title")}</caption>
                <thead><tr>{LINE_COLUMNS.iter().map(|c| view! { <th scope="col">{t(c)}</th> }).collect_view()}</tr></thead>
                <tbody>{lines}</tbody>
            </table>
        </div>
        {move || asking.get().map(|line_no| view! {
            <RequestForm view line_no on_close=Callback::new(move |()| asking.set(None)) />
        })}
        <ReturnsSection view />
        <section id="order-history-section" class="card" aria-labelledby="order-history-title">
            <h2 id="order-history-title">{t("orders.history")}</h2>
            <ol id="order-history" class="timeline">{history}</ol>
        </section>
    }
}

#[component]
fn Facts(view: OrderView) -> impl IntoView {
    let i18n = use_i18n();
    let names = view.names;
    let order = view.order.get_value();
    let (ordered, delivered, updated) = (order.ordered_on, order.delivered_on, order.updated_at);
    view! {
        <dl id="order-facts" class="facts rtv-facts">
            <dt>{t("orders.platform")}</dt>
            <dd id="order-platform"><bdi>{order.partner_name.clone()}</bdi></dd>
            <dt>{t("orders.customer")}</dt>
            <dd><CustomerLink session=names.session id=order.customer_id /></dd>
            <dt>{t("orders.ordered_on")}</dt>
            <dd id="order-ordered-on"><time datetime=iso_date(ordered)>{move || i18n.date(ordered)}</time></dd>
            {delivered.map(|d| view! {
                <dt>{t("orders.delivered_on")}</dt>
                <dd id="order-delivered-on"><time datetime=iso_date(d)>{move || i18n.date(d)}</time></dd>
            })}
            {order.installation_address.clone().map(|a| view! {
                <dt>{t("orders.address_label")}</dt>
                <dd id="order-address"><bdi>{a}</bdi></dd>
            })}
            <dt>{t("orders.updated")}</dt>
            <dd><time datetime=iso_instant(updated)>{move || i18n.date_time(updated)}</time></dd>
        </dl>
    }
}

fn line_row(view: OrderView, asking: RwSignal<Option<u32>>, line: OrderLineDto) -> impl IntoView {
    let i18n = use_i18n();
    let names = view.names;
    let returnable = view.order.with_value(|o| o.returnable);
    let line_no = line.line_no;
    // A return or exchange is asked for a unit the registry knows, once per unit.
    let open_return = view.order.with_value(|o| o.returns.iter().any(|r| r.line_id == line.id && r.outcome.is_none()));
    let may_ask = returnable && line.serial_id.is_some() && !open_return;
    let serial = match (line.serial.clone(), line.serial_id) {
        (Some(serial), Some(_)) => serial_link(serial, "order-line-serial").into_any(),
        (Some(serial), None) => view! { <bdi dir="ltr" class="order-line-serial">{serial}</bdi> }.into_any(),
        (None, _) => view! { <span class="muted">{t("orders.no_serial")}</span> }.into_any(),
    };
    let ticket = line.installation_ticket_id.map(|id| {
        view! { <TicketLink session=names.session id class="order-line-ticket" /> }
    });
    view! {
        <tr class="order-line" data-line=line_no data-serial=line.serial.clone().unwrap_or_default()>
            <td class="num">{move || i18n.number(i64::from(line_no))}</td>
            <td><bdi>{names.model(line.model_id)}</bdi></td>
            <td>{serial}</td>
            <td>{ticket}</td>
            <td class="actions">
                {may_ask.then(|| view! {
                    <button type="button" class="button link order-line-return"
                        on:click=move |_| asking.set(Some(line_no))>{t("orders.ask_return")}</button>
                })}
            </td>
        </tr>
    }
}

fn history_item(event: OrderEventDto) -> impl IntoView {
    let i18n = use_i18n();
    let at = event.at;
    let (from, to) = (event.from_status, event.to_status);
    let what = move || match from {
        Some(from) => {
            i18n.format("orders.moved", &[("from", i18n.text(status_key(from))), ("to", i18n.text(status_key(to)))])
        }
        None => i18n.format("orders.started", &[("to", i18n.text(status_key(to)))]),
    };
    // A decision's note is its outcome's code: said in words.
    let note = event.note.map(|note| match ReturnOutcome::parse(&note) {
        Some(outcome) => view! { " · "<span class="muted event-note">{t(outcome_key(outcome))}</span> }.into_any(),
        None => view! { " · "<bdi class="muted event-note">{note}</bdi> }.into_any(),
    });
    view! {
        <li class="timeline-step order-event" data-status=to.as_str()>
            <span class="status-dot" aria-hidden="true"></span>
            <span class="timeline-name">{what}{note}</span>
            <time class="timeline-at" datetime=iso_instant(at)>{move || i18n.date_time(at)}</time>
        </li>
    }
}

/// "Line {line}" in the reader's language and digits.
pub fn line_label(line_no: u32) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || i18n.format("orders.line_n", &[("line", &i18n.number(i64::from(line_no)))])
}
