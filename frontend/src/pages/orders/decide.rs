//! The network's decision on a return or exchange, once the unit is inspected
//! (`POST /order-returns/{id}/decision` with `If-Match`): refund or exchange keep
//! the unit in a returns warehouse (an exchange also names the serial of the unit
//! given instead); repair or rejection hand it back.

use aftersales_api_types::orders::{DecideReturn, OrderReturnDto, ReturnKind, ReturnOutcome};
use aftersales_api_types::problem::{FieldError, Problem};
use leptos::prelude::*;
use uuid::Uuid;

use super::detail::{OrderView, line_label};
use super::outcome_key;
use crate::api;
use crate::components::problem::FieldErrors;
use crate::components::problem::browser_problem_of;
use crate::components::screen::{form_problem, invalid, opt};
use crate::components::toast::use_toasts;
use crate::i18n::{t, use_i18n};

/// Whether the network keeps the returned unit (in a returns warehouse).
fn keeps_the_unit(outcome: ReturnOutcome) -> bool {
    matches!(outcome, ReturnOutcome::Refund | ReturnOutcome::Exchange)
}

#[component]
pub fn DecideForm(view: OrderView, ret: OrderReturnDto, on_close: Callback<()>) -> impl IntoView {
    let session = view.names.session;
    let i18n = use_i18n();
    let toasts = use_toasts();
    let (id, version) = (ret.id, ret.version);
    // What the buyer asked for is the likely decision.
    let likely = if ret.kind == ReturnKind::Exchange { ReturnOutcome::Exchange } else { ReturnOutcome::Refund };
    let outcome = RwSignal::new(likely.as_str().to_owned());
    let warehouses = view.names.returns_warehouses();
    let only = warehouses.first().filter(|_| warehouses.len() == 1).map(|w| w.id.to_string());
    let warehouse = RwSignal::new(only.unwrap_or_default());
    let serial = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let errors: Signal<Option<Problem>> = problem.into();
    let chosen = move || ReturnOutcome::parse(&outcome.get()).unwrap_or(likely);

    let decide = Action::new_local(move |body: &DecideReturn| {
        let body = body.clone();
        async move {
            match api::orders::decide(session, id, version, &body).await {
                Ok(decided) => {
                    let word = decided.outcome.map_or("", |o| i18n.text(outcome_key(o)));
                    toasts.show(i18n.format("orders.decision_saved", &[("outcome", word)]));
                    view.changed();
                }
                Err(e) => {
                    problem.try_set(Some(e.problem));
                }
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let outcome = chosen();
        let mut found = Vec::new();
        let warehouse_id = if keeps_the_unit(outcome) {
            let id = Uuid::parse_str(&warehouse.get_untracked()).ok();
            if id.is_none() {
                found.push(FieldError::new("warehouse_id", "required", "orders.error.warehouse"));
            }
            id
        } else {
            None
        };
        let exchange_serial = if outcome == ReturnOutcome::Exchange {
            let typed = opt(&serial.get_untracked());
            if typed.is_none() {
                found.push(FieldError::new("exchange_serial", "required", "orders.error.exchange_serial"));
            }
            typed
        } else {
            None
        };
        if !found.is_empty() {
            problem.set(Some(browser_problem_of(found)));
            return;
        }
        problem.set(None);
        decide.dispatch_local(DecideReturn {
            outcome,
            warehouse_id,
            exchange_serial,
            note: opt(&note.get_untracked()),
        });
    };
    let outcome_options = ReturnOutcome::ALL
        .iter()
        .map(|o| {
            let o = *o;
            view! { <option value=o.as_str() selected=move || outcome.get() == o.as_str()>{t(outcome_key(o))}</option> }
        })
        .collect_view();
    let no_warehouse = warehouses.is_empty();
    let warehouses = StoredValue::new(warehouses);
    let warehouse_options = move || {
        warehouses.with_value(|ws| {
            ws.iter()
                .map(|w| {
                    let value = w.id.to_string();
                    let mine = value.clone();
                    view! {
                        <option value=value data-code=w.code.clone() selected=move || warehouse.get() == mine>
                            {format!("{} — {}", w.code, w.name)}
                        </option>
                    }
                })
                .collect_view()
        })
    };
    let title = line_label(ret.line_no);
    view! {
        <form id="order-decide-form" class="settings-form" data-id=id.to_string() on:submit=submit novalidate>
            <h4>{t("orders.decide_title")}" — "{title}</h4>
            <p class="hint muted">{t("orders.decide_hint")}</p>
            {form_problem(problem, "order-decide-problem")}
            <div class="form-grid">
                <div class="field">
                    <label for="order-decide-outcome">{t("orders.outcome")}</label>
                    <select id="order-decide-outcome" on:change=move |ev| outcome.set(event_target_value(&ev))
                        aria-invalid=invalid(problem, "outcome") aria-describedby="order-decide-outcome-error">
                        {outcome_options}
                    </select>
                    <FieldErrors problem=errors field="outcome" id="order-decide-outcome" />
                </div>
                <Show when=move || keeps_the_unit(chosen())>
                    <div class="field">
                        <label for="order-decide-warehouse">{t("orders.warehouse")}</label>
                        <select id="order-decide-warehouse" on:change=move |ev| warehouse.set(event_target_value(&ev))
                            aria-invalid=invalid(problem, "warehouse_id") aria-describedby="order-decide-warehouse-error">
                            <option value="">{t("orders.choose_warehouse")}</option>
                            {warehouse_options}
                        </select>
                        {no_warehouse.then(|| view! { <p class="hint muted">{t("orders.no_returns_warehouse")}</p> })}
                        <FieldErrors problem=errors field="warehouse_id" id="order-decide-warehouse" />
                    </div>
                </Show>
                <Show when=move || chosen() == ReturnOutcome::Exchange>
                    <div class="field">
                        <label for="order-decide-serial">{t("orders.exchange_serial")}</label>
                        <input id="order-decide-serial" type="text" dir="ltr" maxlength="64" autocomplete="off" bind:value=serial
                            aria-invalid=invalid(problem, "exchange_serial") aria-describedby="order-decide-serial-error" />
                        <FieldErrors problem=errors field="exchange_serial" id="order-decide-serial" />
                    </div>
                </Show>
                <div class="field wide">
                    <label for="order-decide-note">{t("orders.decision_note")}</label>
                    <input id="order-decide-note" type="text" dir="auto" maxlength="1000" autocomplete="off" bind:value=note />
                    <FieldErrors problem=errors field="note" id="order-decide-note" />
                </div>
            </div>
            <div class="form-actions">
                <button id="order-decide-submit" type="submit" class="button primary" disabled=move || decide.pending().get()>
                    {t("orders.record_decision")}
                </button>
                <button id="order-decide-cancel" type="button" class="button secondary" on:click=move |_| on_close.run(())>
                    {t("orders.cancel")}
                </button>
            </div>
        </form>
    }
}
