//! Reserving and issuing parts for the ticket: a part (searchable by SKU or name),
//! a warehouse in the user's scope and a quantity. A shortage (409) is shown under
//! the quantity, and nothing moves.

use aftersales_api_types::problem::Problem;
use aftersales_api_types::ticket_parts::TicketPartQuantity;
use leptos::prelude::*;
use uuid::Uuid;

use super::{FormProblem, PartsView, QuantityErrors, SubmitKey, quantity_of};
use crate::api;
use crate::api::ticket_parts::Move;
use crate::components::problem::{FieldErrors, browser_problem, names_field};
use crate::i18n::{t, use_i18n};

/// The ids and texts of one of the two forms.
struct Texts {
    form: &'static str,
    title: &'static str,
    search: &'static str,
    part: &'static str,
    warehouse: &'static str,
    quantity: &'static str,
    problem: &'static str,
    submit: &'static str,
    button: &'static str,
    done: &'static str,
}

fn texts(action: Move) -> Texts {
    match action {
        Move::Issue => Texts {
            form: "parts-issue",
            title: "ticket_parts.issue_title",
            search: "parts-issue-search",
            part: "parts-issue-part",
            warehouse: "parts-issue-warehouse",
            quantity: "parts-issue-quantity",
            problem: "parts-issue-problem",
            submit: "parts-issue-submit",
            button: "ticket_parts.issue",
            done: "ticket_parts.issued_note",
        },
        Move::Reserve | Move::Release => Texts {
            form: "parts-reserve",
            title: "ticket_parts.reserve_title",
            search: "parts-reserve-search",
            part: "parts-reserve-part",
            warehouse: "parts-reserve-warehouse",
            quantity: "parts-reserve-quantity",
            problem: "parts-reserve-problem",
            submit: "parts-reserve-submit",
            button: "ticket_parts.reserve",
            done: "ticket_parts.reserved_note",
        },
    }
}

#[component]
pub fn MoveForm(parts: PartsView, action: Move) -> impl IntoView {
    let i18n = use_i18n();
    let ids = texts(action);
    let session = parts.ticket.session;
    let search = RwSignal::new(String::new());
    let part = RwSignal::new(String::new());
    let warehouse = RwSignal::new(String::new());
    let quantity = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let key = SubmitKey::new();

    let send = Action::new_local(move |body: &TicketPartQuantity| {
        let body = body.clone();
        let idempotency = key.for_request(&body);
        async move {
            match api::ticket_parts::apply(session, parts.ticket.id, action, idempotency, &body).await {
                Ok(change) => {
                    key.settled();
                    quantity.try_set(String::new());
                    let count = i18n.number(body.quantity);
                    parts.done(i18n.format(ids.done, &[("count", &count), ("sku", &change.line.sku)]));
                }
                Err(e) => {
                    // A network failure may be retried with the same key; any answer settles it.
                    if e.problem.status != 0 && e.problem.status < 500 {
                        key.settled();
                    }
                    problem.try_set(Some(e.problem));
                }
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let part_id = Uuid::parse_str(&part.get_untracked()).ok();
        let warehouse_id = Uuid::parse_str(&warehouse.get_untracked()).ok();
        let count = quantity_of(&quantity.get_untracked());
        let mut errors = Vec::new();
        if part_id.is_none() {
            errors.push(("part_id", "ticket_parts.error.part"));
        }
        if warehouse_id.is_none() {
            errors.push(("warehouse_id", "ticket_parts.error.warehouse"));
        }
        if count.is_none() {
            errors.push(("quantity", "ticket_parts.error.quantity"));
        }
        match (part_id, warehouse_id, count) {
            (Some(part_id), Some(warehouse_id), Some(quantity)) => {
                problem.set(None);
                send.dispatch_local(TicketPartQuantity { warehouse_id, part_id, quantity });
            }
            _ => problem.set(Some(browser_problem(&errors))),
        }
    };
    let part_options = move || {
        let wanted = search.get().trim().to_lowercase();
        let chosen = part.get();
        parts.parts.with(|list| {
            list.iter()
                .filter(|p| p.active || p.id.to_string() == chosen)
                .filter(|p| {
                    wanted.is_empty()
                        || p.id.to_string() == chosen
                        || p.sku.to_lowercase().contains(&wanted)
                        || p.name.to_lowercase().contains(&wanted)
                })
                .take(200)
                .map(|p| {
                    let label = format!("{} — {}", p.sku, p.name);
                    view! { <option value=p.id.to_string() data-sku=p.sku.clone() selected=p.id.to_string() == chosen>{label}</option> }
                })
                .collect_view()
        })
    };
    let warehouse_options = move || {
        parts
            .stock_warehouses()
            .into_iter()
            .map(|w| view! { <option value=w.id.to_string() data-code=w.code.clone()>{format!("{} — {}", w.code, w.name)}</option> })
            .collect_view()
    };
    let problem_signal: Signal<Option<Problem>> = problem.into();
    let invalid = move |field: &'static str| move || problem.with(|p| names_field(p.as_ref(), field)).to_string();
    view! {
        <form id=ids.form class="parts-form" on:submit=submit novalidate>
            <h3>{t(ids.title)}</h3>
            <FormProblem problem id=ids.problem />
            <div class="field">
                <label for=ids.search>{t("ticket_parts.search")}</label>
                <input id=ids.search type="search" autocomplete="off" bind:value=search placeholder=t("ticket_parts.search_hint") />
            </div>
            <div class="field">
                <label for=ids.part>{t("ticket_parts.part")}</label>
                <select id=ids.part bind:value=part aria-invalid=invalid("part_id") aria-describedby=format!("{}-error", ids.part)>
                    <option value="">{t("ticket_parts.choose_part")}</option>
                    {part_options}
                </select>
                <FieldErrors problem=problem_signal field="part_id" id=ids.part />
            </div>
            <div class="field-row">
                <div class="field">
                    <label for=ids.warehouse>{t("ticket_parts.warehouse")}</label>
                    <select id=ids.warehouse bind:value=warehouse aria-invalid=invalid("warehouse_id")
                        aria-describedby=format!("{}-error", ids.warehouse)>
                        <option value="">{t("ticket_parts.choose_warehouse")}</option>
                        {warehouse_options}
                    </select>
                    <FieldErrors problem=problem_signal field="warehouse_id" id=ids.warehouse />
                </div>
                <div class="field">
                    <label for=ids.quantity>{t("ticket_parts.quantity")}</label>
                    <input id=ids.quantity type="text" inputmode="numeric" autocomplete="off" bind:value=quantity
                        aria-invalid=move || (invalid("quantity")() == "true" || problem.with(|p| p.as_ref().is_some_and(|p| super::shortage(p).is_some()))).to_string()
                        aria-describedby=format!("{}-error", ids.quantity) />
                    <QuantityErrors problem id=ids.quantity />
                </div>
            </div>
            <button id=ids.submit type="submit" class="button" prop:disabled=move || send.pending().get()>
                {t(ids.button)}
            </button>
        </form>
    }
}
