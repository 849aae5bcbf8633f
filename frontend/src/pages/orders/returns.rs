//! The returns and exchanges asked for on an order, newest first: what the
//! buyer asked for and why, the ticket the unit is inspected on, and the
//! decision — or, while there is none, the button that opens the decision form.

use aftersales_api_types::orders::OrderReturnDto;
use leptos::prelude::*;
use uuid::Uuid;

use super::decide::DecideForm;
use super::detail::{OrderView, line_label};
use super::links::{TicketLink, UnitLink};
use super::{kind_key, outcome_key};
use crate::i18n::date::iso_instant;
use crate::i18n::{t, use_i18n};

#[component]
pub fn ReturnsSection(view: OrderView) -> impl IntoView {
    let mut returns = view.order.with_value(|o| o.returns.clone());
    returns.sort_by_key(|r| std::cmp::Reverse(r.created_at));
    // The return whose decision form is open.
    let deciding = RwSignal::new(None::<Uuid>);
    let body = if returns.is_empty() {
        view! { <p id="order-no-returns" class="muted">{t("orders.no_returns")}</p> }.into_any()
    } else {
        returns.into_iter().map(|r| return_card(view, deciding, r)).collect_view().into_any()
    };
    view! {
        <section id="order-returns" class="order-returns" aria-labelledby="order-returns-title">
            <h2 id="order-returns-title">{t("orders.returns")}</h2>
            {body}
        </section>
    }
}

fn return_card(view: OrderView, deciding: RwSignal<Option<Uuid>>, r: OrderReturnDto) -> impl IntoView {
    let i18n = use_i18n();
    let names = view.names;
    let session = names.session;
    let id = r.id;
    let asked = r.created_at;
    let kind = r.kind;
    let line = line_label(r.line_no);
    let decision = match r.outcome {
        None => view! {
            <p class="order-return-waiting">
                <strong>{t("orders.waiting")}</strong>" "
                <Show when=move || deciding.get() != Some(id)>
                    <button type="button" class="button link order-return-decide" on:click=move |_| deciding.set(Some(id))>
                        {t("orders.decide")}
                    </button>
                </Show>
            </p>
        }
        .into_any(),
        Some(outcome) => {
            let decided = r.decided_at.map(|at| {
                view! { " · " <time class="order-return-decided-at" datetime=iso_instant(at)>{move || i18n.date_time(at)}</time> }
            });
            view! {
                <dl class="facts rtv-facts order-return-decision">
                    <dt>{t("orders.outcome")}</dt>
                    <dd class="order-return-outcome" data-outcome=outcome.as_str()>{t(outcome_key(outcome))}{decided}</dd>
                    {r.warehouse_id.map(|w| view! {
                        <dt>{t("orders.warehouse")}</dt>
                        <dd class="order-return-warehouse"><bdi>{names.warehouse(w)}</bdi></dd>
                    })}
                    {r.exchange_serial_id.map(|unit| view! {
                        <dt>{t("orders.exchange_unit")}</dt>
                        <dd><UnitLink session id=unit class="order-return-exchange-serial" /></dd>
                    })}
                    {r.decision_note.clone().map(|note| view! {
                        <dt>{t("orders.decision_note")}</dt>
                        <dd class="order-return-note"><bdi>{note}</bdi></dd>
                    })}
                </dl>
            }
            .into_any()
        }
    };
    let stored = StoredValue::new(r.clone());
    let form = move || {
        (deciding.get() == Some(id)).then(|| {
            view! { <DecideForm view ret=stored.get_value() on_close=Callback::new(move |()| deciding.set(None)) /> }
        })
    };
    view! {
        <article class="card order-return" data-id=id.to_string() data-kind=kind.as_str() data-line=r.line_no
            data-outcome=r.outcome.map(|o| o.as_str())>
            <h3>{line}" · "<span class="order-return-kind">{t(kind_key(kind))}</span></h3>
            <p class="order-return-reason"><bdi>{r.reason.clone()}</bdi></p>
            <p>
                {t("orders.ticket")}": "<TicketLink session id=r.ticket_id class="order-return-ticket" />
                " · "{t("orders.asked_on")}" "
                <time datetime=iso_instant(asked)>{move || i18n.date_time(asked)}</time>
            </p>
            {decision}
            {form}
        </article>
    }
}
