//! Forms about a line already on the ticket: releasing parts reserved for it, and
//! recording what became of parts issued (used, returned unused, old part taken
//! out as defective) — which is what the `parts_reconciled` guard waits for.

use aftersales_api_types::problem::Problem;
use aftersales_api_types::ticket_parts::{RecordPartOutcome, TicketPartLineDto, TicketPartQuantity};
use leptos::prelude::*;
use uuid::Uuid;

use super::{FormProblem, PartsView, QuantityErrors, SubmitKey, quantity_of};
use crate::api;
use crate::api::ticket_parts::Move;
use crate::components::problem::{FieldErrors, browser_problem, names_field};
use crate::i18n::number::latin_digits;
use crate::i18n::{t, use_i18n};

/// The options of a line choice: `SKU — warehouse (what is left)`.
fn line_options(
    parts: PartsView,
    keep: fn(&TicketPartLineDto) -> bool,
    left: fn(&TicketPartLineDto) -> i64,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        parts
            .lines()
            .into_iter()
            .filter(keep)
            .map(|l| {
                let label = format!("{} — {} ({})", l.sku, parts.warehouse_code(l.warehouse_id), i18n.number(left(&l)));
                view! { <option value=l.id.to_string() data-sku=l.sku.clone()>{label}</option> }
            })
            .collect_view()
    }
}

/// The line chosen in a line choice.
fn chosen_line(parts: PartsView, value: &str) -> Option<TicketPartLineDto> {
    let id = Uuid::parse_str(value).ok()?;
    parts.lines().into_iter().find(|l| l.id == id)
}

/// Settles the key unless the request may be sent again as it was (no answer).
fn settle_on_answer(key: SubmitKey, problem: &Problem) {
    if problem.status != 0 && problem.status < 500 {
        key.settled();
    }
}

#[component]
pub fn ReleaseForm(parts: PartsView) -> impl IntoView {
    let i18n = use_i18n();
    let session = parts.ticket.session;
    let line = RwSignal::new(String::new());
    let quantity = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let key = SubmitKey::new();
    let send = Action::new_local(move |body: &TicketPartQuantity| {
        let body = body.clone();
        let idempotency = key.for_request(&body);
        async move {
            match api::ticket_parts::apply(session, parts.ticket.id, Move::Release, idempotency, &body).await {
                Ok(change) => {
                    key.settled();
                    quantity.try_set(String::new());
                    let count = i18n.number(body.quantity);
                    parts.done(
                        i18n.format("ticket_parts.released_note", &[("count", &count), ("sku", &change.line.sku)]),
                    );
                }
                Err(e) => {
                    settle_on_answer(key, &e.problem);
                    problem.try_set(Some(e.problem));
                }
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = chosen_line(parts, &line.get_untracked());
        let count = quantity_of(&quantity.get_untracked());
        match (chosen, count) {
            (Some(l), Some(quantity)) => {
                problem.set(None);
                send.dispatch_local(TicketPartQuantity { warehouse_id: l.warehouse_id, part_id: l.part_id, quantity });
            }
            (chosen, _) => {
                let mut errors = Vec::new();
                if chosen.is_none() {
                    errors.push(("part_id", "ticket_parts.error.line"));
                }
                if count.is_none() {
                    errors.push(("quantity", "ticket_parts.error.quantity"));
                }
                problem.set(Some(browser_problem(&errors)));
            }
        }
    };
    let problem_signal: Signal<Option<Problem>> = problem.into();
    view! {
        <form id="parts-release" class="parts-form" on:submit=submit novalidate>
            <h3>{t("ticket_parts.release_title")}</h3>
            <FormProblem problem id="parts-release-problem" />
            <div class="field">
                <label for="parts-release-line">{t("ticket_parts.line")}</label>
                <select id="parts-release-line" bind:value=line aria-describedby="parts-release-line-error">
                    <option value="">{t("ticket_parts.choose_line")}</option>
                    {line_options(parts, |l| l.reserved > 0, |l| l.reserved)}
                </select>
                <FieldErrors problem=problem_signal field="part_id" id="parts-release-line" />
            </div>
            <div class="field">
                <label for="parts-release-quantity">{t("ticket_parts.quantity")}</label>
                <input id="parts-release-quantity" type="text" inputmode="numeric" autocomplete="off" bind:value=quantity
                    aria-describedby="parts-release-quantity-error" />
                <QuantityErrors problem id="parts-release-quantity" />
            </div>
            <button id="parts-release-submit" type="submit" class="button" prop:disabled=move || send.pending().get()>
                {t("ticket_parts.release")}
            </button>
        </form>
    }
}

/// A count typed in any digits: empty is 0, else a whole number from 0 to 10 000.
fn count_of(text: &str) -> Option<i64> {
    let text = latin_digits(text.trim());
    if text.is_empty() {
        return Some(0);
    }
    text.parse::<i64>().ok().filter(|n| (0..=10_000).contains(n))
}

#[component]
pub fn OutcomeForm(parts: PartsView) -> impl IntoView {
    let i18n = use_i18n();
    let session = parts.ticket.session;
    let line = RwSignal::new(String::new());
    let used = RwSignal::new(String::new());
    let returned = RwSignal::new(String::new());
    let defective = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let key = SubmitKey::new();
    let send = Action::new_local(move |body: &RecordPartOutcome| {
        let body = body.clone();
        let idempotency = key.for_request(&body);
        async move {
            match api::ticket_parts::outcome(session, parts.ticket.id, idempotency, &body).await {
                Ok(change) => {
                    key.settled();
                    for field in [used, returned, defective] {
                        field.try_set(String::new());
                    }
                    let args = [
                        ("sku", change.line.sku.clone()),
                        ("used", i18n.number(body.used)),
                        ("returned", i18n.number(body.returned_unused)),
                        ("defective", i18n.number(body.defective)),
                    ];
                    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    parts.done(i18n.format("ticket_parts.recorded_note", &args));
                }
                Err(e) => {
                    settle_on_answer(key, &e.problem);
                    problem.try_set(Some(e.problem));
                }
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = chosen_line(parts, &line.get_untracked());
        let counts = [used, returned, defective].map(|s| count_of(&s.get_untracked()));
        let mut errors = Vec::new();
        if chosen.is_none() {
            errors.push(("part_id", "ticket_parts.error.line"));
        }
        for (field, count) in ["used", "returned_unused", "defective"].into_iter().zip(counts) {
            if count.is_none() {
                errors.push((field, "ticket_parts.error.count"));
            }
        }
        if errors.is_empty() && counts.iter().all(|c| *c == Some(0)) {
            errors.push(("used", "ticket_parts.error.nothing"));
        }
        match (chosen, counts) {
            (Some(l), [Some(used), Some(returned_unused), Some(defective)]) if errors.is_empty() => {
                problem.set(None);
                send.dispatch_local(RecordPartOutcome {
                    part_id: l.part_id,
                    warehouse_id: Some(l.warehouse_id),
                    used,
                    returned_unused,
                    defective,
                });
            }
            _ => problem.set(Some(browser_problem(&errors))),
        }
    };
    let problem_signal: Signal<Option<Problem>> = problem.into();
    let invalid = move |field: &'static str| move || problem.with(|p| names_field(p.as_ref(), field)).to_string();
    view! {
        <form id="parts-outcome" class="parts-form" on:submit=submit novalidate>
            <h3>{t("ticket_parts.outcome_title")}</h3>
            <p class="hint muted">{t("ticket_parts.outcome_hint")}</p>
            <FormProblem problem id="parts-outcome-problem" />
            <div class="field">
                <label for="parts-outcome-line">{t("ticket_parts.line")}</label>
                <select id="parts-outcome-line" bind:value=line aria-invalid=invalid("part_id")
                    aria-describedby="parts-outcome-line-error">
                    <option value="">{t("ticket_parts.choose_line")}</option>
                    {line_options(parts, |l| l.outstanding > 0 || l.used > l.defective_returned, |l| l.outstanding)}
                </select>
                <FieldErrors problem=problem_signal field="part_id" id="parts-outcome-line" />
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="parts-outcome-used">{t("ticket_parts.used")}</label>
                    <input id="parts-outcome-used" type="text" inputmode="numeric" autocomplete="off" bind:value=used
                        aria-invalid=invalid("used") aria-describedby="parts-outcome-used-error" />
                    <FieldErrors problem=problem_signal field="used" id="parts-outcome-used" />
                </div>
                <div class="field">
                    <label for="parts-outcome-returned">{t("ticket_parts.returned_unused")}</label>
                    <input id="parts-outcome-returned" type="text" inputmode="numeric" autocomplete="off" bind:value=returned
                        aria-invalid=invalid("returned_unused") aria-describedby="parts-outcome-returned-error" />
                    <FieldErrors problem=problem_signal field="returned_unused" id="parts-outcome-returned" />
                </div>
                <div class="field">
                    <label for="parts-outcome-defective">{t("ticket_parts.defective")}</label>
                    <input id="parts-outcome-defective" type="text" inputmode="numeric" autocomplete="off" bind:value=defective
                        aria-invalid=invalid("defective") aria-describedby="parts-outcome-defective-error" />
                    <FieldErrors problem=problem_signal field="defective" id="parts-outcome-defective" />
                </div>
            </div>
            <button id="parts-outcome-submit" type="submit" class="button" prop:disabled=move || send.pending().get()>
                {t("ticket_parts.record")}
            </button>
        </form>
    }
}
