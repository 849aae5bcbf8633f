//! Receiving against an order (`POST /purchase-orders/{id}/receive`): how many of
//! each line arrived, typed in the line's row. A refusal naming a line (more than
//! is outstanding, say) stands in that line's row.

use std::collections::HashMap;

use aftersales_api_types::problem::Problem;
use aftersales_api_types::purchasing::{PurchaseOrderLineDto, PurchaseReceiptLine, ReceivePurchaseOrder};
use leptos::prelude::*;
use uuid::Uuid;

use super::detail::OrderView;
use super::typed_quantity;
use crate::api;
use crate::components::problem::browser_problem_of;
use crate::components::toast::use_toasts;
use crate::i18n::{I18n, t, use_i18n};

/// Why a line could not be received.
#[derive(Debug, Clone, PartialEq)]
pub enum LineError {
    /// Found here: a catalogue key.
    Key(&'static str),
    /// More than the outstanding quantity.
    Over(i64),
    /// The server's own words.
    Server(String),
}

impl LineError {
    fn text(&self, i18n: I18n) -> String {
        match self {
            Self::Key(key) => i18n.text(key).to_owned(),
            Self::Over(outstanding) => {
                i18n.format("purchasing.error.over_receipt", &[("outstanding", &i18n.number(*outstanding))])
            }
            Self::Server(text) => text.clone(),
        }
    }
}

/// What is typed per line and what went wrong per line, by part.
#[derive(Debug, Clone, Copy)]
pub struct ReceiveState {
    pub typed: RwSignal<HashMap<Uuid, String>>,
    pub errors: RwSignal<HashMap<Uuid, LineError>>,
}

impl ReceiveState {
    pub fn new() -> Self {
        Self { typed: RwSignal::new(HashMap::new()), errors: RwSignal::new(HashMap::new()) }
    }
}

/// The "receive now" cell of a line: its quantity input and its error.
pub fn receive_cell(state: ReceiveState, line: &PurchaseOrderLineDto, sku: &str) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let part_id = line.part_id;
    let open = line.outstanding > 0;
    let id = format!("po-receive-{part_id}");
    let error_id = format!("{id}-error");
    let error = move || state.errors.with(|e| e.get(&part_id).cloned());
    let label = i18n.format("purchasing.receive_label", &[("sku", sku)]);
    view! {
        <td class="receive-cell">
            <label for=id.clone() class="visually-hidden">{label}</label>
            <input id=id type="text" inputmode="numeric" size="6" autocomplete="off" class="receive-quantity"
                disabled=!open
                prop:value=move || state.typed.with(|m| m.get(&part_id).cloned().unwrap_or_default())
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    state.typed.update(|m| {
                        m.insert(part_id, value);
                    });
                }
                aria-invalid=move || error().is_some().to_string()
                aria-describedby=error_id.clone() />
            <Show when=move || error().is_some()>
                <p class="field-error line-error" id=error_id.clone() role="alert">
                    {move || error().map(|e| e.text(i18n)).unwrap_or_default()}
                </p>
            </Show>
        </td>
    }
}

#[component]
pub fn ReceiveBar(view: OrderView, receiving: ReceiveState) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let session = view.lists.session;
    let order = view.order;
    let receive = Action::new_local(move |body: &ReceivePurchaseOrder| {
        let body = body.clone();
        let (id, version) = order.with_untracked(|o| (o.id, o.version));
        async move {
            match api::purchasing::receive(session, id, version, &body).await {
                Ok(updated) => {
                    order.try_set(updated);
                    receiving.typed.try_set(HashMap::new());
                    toasts.show(i18n.text("purchasing.received_note"));
                }
                Err(e) => {
                    let outstanding: HashMap<Uuid, i64> =
                        order.with_untracked(|o| o.lines.iter().map(|l| (l.part_id, l.outstanding)).collect());
                    let (by_line, rest) = by_line(&e.problem, &body, &outstanding);
                    receiving.errors.try_set(by_line);
                    view.problem.try_set(rest);
                }
            }
        }
    });
    let fill = move |_| {
        let all = order.with(|o| {
            o.lines
                .iter()
                .filter(|l| l.outstanding > 0)
                .map(|l| (l.part_id, super::field_number(i18n, l.outstanding)))
                .collect()
        });
        receiving.typed.set(all);
        receiving.errors.set(HashMap::new());
    };
    let submit = move |_| {
        view.problem.set(None);
        let typed = receiving.typed.get_untracked();
        let mut errors = HashMap::new();
        let mut lines = Vec::new();
        order.with_untracked(|o| {
            for line in &o.lines {
                let Some(text) = typed.get(&line.part_id).filter(|t| !t.trim().is_empty()) else { continue };
                match typed_quantity(text) {
                    Some(quantity) => {
                        lines.push(PurchaseReceiptLine { part_id: line.part_id, quantity, unit_cost: None })
                    }
                    None => {
                        errors.insert(line.part_id, LineError::Key("purchasing.error.quantity"));
                    }
                }
            }
        });
        if lines.is_empty() && errors.is_empty() {
            view.problem.set(Some(browser_problem_of(Vec::new())).map(|mut p| {
                p.title = i18n.text("purchasing.error.nothing_to_receive").to_owned();
                p.code = "nothing_to_receive".to_owned();
                p
            }));
            return;
        }
        receiving.errors.set(errors.clone());
        if errors.is_empty() {
            receive.dispatch_local(ReceivePurchaseOrder { lines });
        }
    };
    view! {
        <div id="po-receive" class="actions receive-bar">
            <button id="po-fill" type="button" class="button" on:click=fill>{t("purchasing.fill_outstanding")}</button>
            <button id="po-receive-submit" type="button" class="button primary" on:click=submit
                disabled=move || receive.pending().get()>
                {move || i18n.text(if receive.pending().get() { "purchasing.receiving" } else { "purchasing.receive" })}
            </button>
        </div>
    }
}

/// Splits a refusal into the errors of lines (`lines[i].…` of the request sent,
/// by part) and what names no line.
fn by_line(
    problem: &Problem,
    sent: &ReceivePurchaseOrder,
    outstanding: &HashMap<Uuid, i64>,
) -> (HashMap<Uuid, LineError>, Option<Problem>) {
    let mut lines = HashMap::new();
    for e in &problem.errors {
        let index = e
            .field
            .strip_prefix("lines[")
            .and_then(|rest| rest.split_once(']'))
            .and_then(|(i, _)| i.parse::<usize>().ok());
        let Some(part_id) = index.and_then(|i| sent.lines.get(i)).map(|l| l.part_id) else { continue };
        let error = match (e.code.as_str(), outstanding.get(&part_id)) {
            ("over_receipt", Some(n)) => LineError::Over(*n),
            _ => LineError::Server(e.message.clone()),
        };
        lines.insert(part_id, error);
    }
    let rest = if lines.is_empty() { Some(problem.clone()) } else { None };
    (lines, rest)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use aftersales_api_types::problem::{FieldError, Problem};
    use aftersales_api_types::purchasing::{PurchaseReceiptLine, ReceivePurchaseOrder};
    use uuid::Uuid;

    use super::{LineError, by_line};

    #[test]
    fn an_over_receipt_lands_on_the_line_sent_at_that_index() {
        let (a, b) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let sent = ReceivePurchaseOrder {
            lines: vec![
                PurchaseReceiptLine { part_id: a, quantity: 1, unit_cost: None },
                PurchaseReceiptLine { part_id: b, quantity: 9, unit_cost: None },
            ],
        };
        let problem = Problem {
            problem_type: "about:blank".into(),
            title: "Validation failed".into(),
            status: 422,
            code: "validation_failed".into(),
            detail: None,
            errors: vec![FieldError::new("lines[1].quantity", "over_receipt", "x")],
        };
        let (lines, rest) = by_line(&problem, &sent, &HashMap::from([(a, 3), (b, 4)]));
        assert_eq!(lines.get(&b), Some(&LineError::Over(4)));
        assert!(!lines.contains_key(&a));
        assert!(rest.is_none());
    }
}
