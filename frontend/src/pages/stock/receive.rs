//! "Receive stock": parts arriving in the chosen warehouse at a unit cost
//! (`POST /stock/receipts`). Mistakes are shown next to their fields, found here
//! first and by the server otherwise; on success the table and the part's ledger
//! reload in place.

use aftersales_api_types::parts::PartDto;
use aftersales_api_types::problem::{FieldError, Problem};
use aftersales_api_types::stock::ReceiveStock;
use leptos::prelude::*;
use uuid::Uuid;

use super::StockView;
use crate::api;
use crate::components::problem::{FieldErrors, ProblemView, names_field, without_fields};
use crate::i18n::number::latin_digits;
use crate::i18n::{I18n, t, use_i18n};
use crate::tr;

/// What the form last did well: how many of which part, and the stock after.
#[derive(Debug, Clone, PartialEq)]
struct Received {
    quantity: i64,
    sku: String,
    on_hand: i64,
}

#[component]
pub fn ReceiveForm(stock: StockView, parts: StoredValue<Vec<PartDto>>) -> impl IntoView {
    let i18n = use_i18n();
    let session = stock.session;
    let part = RwSignal::new(String::new());
    let quantity = RwSignal::new(String::new());
    let cost = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let received = RwSignal::new(None::<Received>);

    let receive = Action::new_local(move |request: &ReceiveStock| {
        let request = request.clone();
        async move {
            match api::stock::receive(session, &request).await {
                Ok(result) => {
                    let sku = stock.parts.with_value(|p| p.get(&request.part_id).map(|p| p.sku.clone()));
                    received.try_set(Some(Received {
                        quantity: result.movement.quantity,
                        sku: sku.unwrap_or_default(),
                        on_hand: result.stock.on_hand,
                    }));
                    quantity.try_set(String::new());
                    cost.try_set(String::new());
                    reason.try_set(String::new());
                    stock.ledger_part.try_set(Some(request.part_id));
                    stock.changes.try_update(|n| *n += 1);
                }
                Err(e) => {
                    problem.try_set(Some(e.problem));
                }
            }
        }
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        received.set(None);
        let Some(warehouse_id) = stock.warehouse.get_untracked() else { return };
        match check(
            i18n,
            warehouse_id,
            &part.get_untracked(),
            &quantity.get_untracked(),
            &cost.get_untracked(),
            &reason.get_untracked(),
        ) {
            Ok(request) => {
                problem.set(None);
                receive.dispatch_local(request);
            }
            Err(found) => problem.set(Some(found)),
        }
    };

    let problem_signal: Signal<Option<Problem>> = problem.into();
    let invalid = move |field: &'static str| move || problem.with(|p| names_field(p.as_ref(), field)).to_string();
    let form_problem = move || {
        problem.get().map(|p| view! { <div id="receive-problem" class="alert" role="alert"><ProblemView problem=without_fields(&p) /></div> })
    };
    let success = move || {
        received.get().map(|r| {
            view! {
                <p id="receive-success" class="notice" role="status">
                    {tr!("stock.received", quantity = i18n.number(r.quantity), sku = r.sku, on_hand = i18n.number(r.on_hand))}
                </p>
            }
        })
    };
    let currency = move || {
        let id = Uuid::parse_str(&part.get()).ok()?;
        stock.parts.with_value(|p| p.get(&id).map(|p| p.standard_cost.currency.clone()))
    };
    let options = move || {
        parts.with_value(|parts| {
            parts
                .iter()
                .filter(|p| p.active)
                .map(|p| view! { <option value=p.id.to_string() data-sku=p.sku.clone()>{format!("{} — {}", p.sku, p.name)}</option> })
                .collect_view()
        })
    };
    view! {
        <form id="receive-form" class="card receive-form" on:submit=submit novalidate>
            <h2 id="receive-title">{t("stock.receive_title")}</h2>
            {success}
            {form_problem}
            <div class="field">
                <label for="receive-part">{t("stock.part")}</label>
                <select id="receive-part" bind:value=part aria-invalid=invalid("part_id") aria-describedby="receive-part-error">
                    <option value="">{t("stock.choose_part")}</option>
                    {options}
                </select>
                <FieldErrors problem=problem_signal field="part_id" id="receive-part" />
            </div>
            <div class="field">
                <label for="receive-quantity">{t("stock.quantity")}</label>
                <input id="receive-quantity" type="text" inputmode="numeric" autocomplete="off" bind:value=quantity
                    aria-invalid=invalid("quantity") aria-describedby="receive-quantity-error" />
                <FieldErrors problem=problem_signal field="quantity" id="receive-quantity" />
            </div>
            <div class="field">
                <label for="receive-cost">{t("stock.unit_cost")}</label>
                <input id="receive-cost" type="text" inputmode="decimal" autocomplete="off" bind:value=cost
                    aria-invalid=invalid("unit_cost") aria-describedby="receive-cost-hint receive-cost-error" />
                <p id="receive-cost-hint" class="hint muted">
                    {move || match currency() {
                        Some(c) => i18n.format("stock.unit_cost_hint", &[("currency", &c)]),
                        None => i18n.text("stock.unit_cost_hint_any").to_owned(),
                    }}
                </p>
                <FieldErrors problem=problem_signal field="unit_cost" id="receive-cost" />
            </div>
            <div class="field">
                <label for="receive-reason">{t("stock.reason")}</label>
                <input id="receive-reason" type="text" maxlength="500" autocomplete="off" bind:value=reason
                    aria-invalid=invalid("reason") aria-describedby="receive-reason-error" />
                <FieldErrors problem=problem_signal field="reason" id="receive-reason" />
            </div>
            <button id="receive-submit" type="submit" class="button primary" disabled=move || receive.pending().get()>
                {move || i18n.text(if receive.pending().get() { "stock.receiving" } else { "stock.receive" })}
            </button>
        </form>
    }
}

/// The request, or a problem naming every field that is not right yet.
fn check(
    i18n: I18n,
    warehouse_id: Uuid,
    part: &str,
    quantity: &str,
    cost: &str,
    reason: &str,
) -> Result<ReceiveStock, Problem> {
    let mut errors = Vec::new();
    // The message is the key: `FieldErrors` shows it in the language of the moment.
    let mut fail = |field: &str, code: &str, key: &'static str| {
        errors.push(FieldError::new(field.to_owned(), code.to_owned(), key.to_owned()));
    };
    let part_id = Uuid::parse_str(part).ok();
    if part_id.is_none() {
        fail("part_id", "required", "stock.error.part");
    }
    let quantity = latin_digits(quantity.trim()).parse::<i64>().ok().filter(|q| (1..=1_000_000).contains(q));
    if quantity.is_none() {
        fail("quantity", "range", "stock.error.quantity");
    }
    let cost = latin_digits(cost.trim());
    if !is_amount(&cost) {
        fail("unit_cost", "amount", "stock.error.unit_cost");
    }
    let reason = reason.trim();
    match (part_id, quantity, errors.is_empty()) {
        (Some(part_id), Some(quantity), true) => Ok(ReceiveStock {
            warehouse_id,
            part_id,
            quantity,
            unit_cost: cost,
            reason: (!reason.is_empty()).then(|| reason.to_owned()),
        }),
        _ => Err(Problem {
            problem_type: "about:blank".to_owned(),
            title: i18n.text("problem.validation_failed").to_owned(),
            status: 422,
            code: "validation_failed".to_owned(),
            detail: None,
            errors,
        }),
    }
}

/// `12`, `12.50`: what the server takes as an amount (up to 24 characters).
fn is_amount(text: &str) -> bool {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, "0"));
    text.len() <= 24
        && !whole.is_empty()
        && !fraction.is_empty()
        && whole.chars().chain(fraction.chars()).all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::is_amount;

    #[test]
    fn amounts_are_digits_with_an_optional_fraction() {
        assert!(is_amount("1250000"));
        assert!(is_amount("12.50"));
        assert!(!is_amount(""));
        assert!(!is_amount("12."));
        assert!(!is_amount(".5"));
        assert!(!is_amount("1,250"));
        assert!(!is_amount("-3"));
        assert!(!is_amount("1.2.3"));
    }
}
