//! The status change an order may take now (`POST /orders/{id}/status` with
//! `If-Match`): only the statuses the server offers, the delivery day when it
//! becomes delivered, and the serials of units not registered yet when it is
//! shipped or delivered. Platforms usually send these themselves; the office
//! records one it heard of another way.

use aftersales_api_types::orders::{ChangeOrderStatus, LineSerial, OrderStatus};
use aftersales_api_types::problem::{FieldError, Problem};
use leptos::prelude::*;

use super::detail::{OrderView, line_label};
use super::status_key;
use crate::api;
use crate::components::problem::browser_problem_of;
use crate::components::problem::{FieldErrors, FieldGroupErrors, names_any};
use crate::components::screen::{form_problem, opt};
use crate::components::toast::use_toasts;
use crate::i18n::date::today;
use crate::i18n::{t, use_i18n};

/// A line whose unit is not registered yet: its number, its model, the serial typed.
#[derive(Debug, Clone)]
struct OpenLine {
    line_no: u32,
    model: String,
    known: Option<String>,
    serial: RwSignal<String>,
}

/// The form's name of a line's serial input, under which its messages stand.
fn serial_field(line_no: u32) -> String {
    format!("line-{line_no}-serial")
}

/// The server names the serials by their place in the request (`serials[1].serial`);
/// the form shows them under the line they were typed for.
fn to_lines(mut problem: Problem, sent: &[u32]) -> Problem {
    for e in &mut problem.errors {
        let Some(rest) = e.field.strip_prefix("serials[") else { continue };
        let index = rest.split(']').next().and_then(|i| i.parse::<usize>().ok());
        if let Some(line_no) = index.and_then(|i| sent.get(i)) {
            e.field = serial_field(*line_no);
        }
    }
    problem
}

#[component]
pub fn StatusForm(view: OrderView) -> impl IntoView {
    let order = view.order.get_value();
    let Some(first) = order.next_statuses.first().copied() else {
        return view! { <p id="order-no-next" class="muted">{t("orders.no_next")}</p> }.into_any();
    };
    let session = view.names.session;
    let i18n = use_i18n();
    let toasts = use_toasts();
    let (id, version) = (order.id, order.version);
    let chosen = RwSignal::new(first.as_str().to_owned());
    let note = RwSignal::new(String::new());
    let delivered_on = RwSignal::new(untrack(|| i18n.date_input_value(today())));
    let open_lines: Vec<OpenLine> = order
        .lines
        .iter()
        .filter(|l| l.serial_id.is_none())
        .map(|l| OpenLine {
            line_no: l.line_no,
            model: view.names.model(l.model_id),
            known: l.serial.clone(),
            serial: RwSignal::new(l.serial.clone().unwrap_or_default()),
        })
        .collect();
    let open_lines = StoredValue::new(open_lines);
    let sent = StoredValue::new(Vec::<u32>::new());
    let problem = RwSignal::new(None::<Problem>);
    let errors: Signal<Option<Problem>> = problem.into();
    let status = move || OrderStatus::parse(&chosen.get()).unwrap_or(first);
    let selling = move || matches!(status(), OrderStatus::Shipped | OrderStatus::Delivered);

    let change = Action::new_local(move |body: &ChangeOrderStatus| {
        let body = body.clone();
        async move {
            match api::orders::change_status(session, id, version, &body).await {
                Ok(moved) => {
                    let word = i18n.text(status_key(moved.status));
                    let text = i18n
                        .format("orders.status_changed", &[("reference", &moved.external_reference), ("status", word)]);
                    toasts.show(text);
                    view.changed();
                }
                Err(e) => {
                    let shown = sent.with_value(|sent| to_lines(e.problem, sent));
                    problem.try_set(Some(shown));
                }
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let status = status();
        let mut found = Vec::new();
        let delivered = if status == OrderStatus::Delivered {
            let day = i18n.parse_date(&delivered_on.get_untracked());
            if day.is_none() {
                found.push(FieldError::new("delivered_on", "invalid", "orders.error.date"));
            }
            day
        } else {
            None
        };
        if !found.is_empty() {
            problem.set(Some(browser_problem_of(found)));
            return;
        }
        // Only serials typed now: one the platform gave before stays as it is.
        let serials: Vec<LineSerial> = if matches!(status, OrderStatus::Shipped | OrderStatus::Delivered) {
            open_lines.with_value(|lines| {
                lines
                    .iter()
                    .filter_map(|l| {
                        let typed = l.serial.get_untracked().trim().to_owned();
                        let new = !typed.is_empty() && l.known.as_deref() != Some(typed.as_str());
                        new.then_some(LineSerial { line_no: l.line_no, serial: typed })
                    })
                    .collect()
            })
        } else {
            Vec::new()
        };
        sent.set_value(serials.iter().map(|s| s.line_no).collect());
        problem.set(None);
        change.dispatch_local(ChangeOrderStatus {
            status,
            note: opt(&note.get_untracked()),
            delivered_on: delivered,
            serials,
        });
    };
    let options = order
        .next_statuses
        .iter()
        .map(|s| {
            let s = *s;
            view! { <option value=s.as_str() selected=move || chosen.get() == s.as_str()>{t(status_key(s))}</option> }
        })
        .collect_view();
    let delivered_fields = vec!["delivered_on".to_owned()];
    let serial_inputs = move || {
        open_lines.with_value(|lines| lines.iter().cloned().map(|line| serial_input(errors, line)).collect_view())
    };
    let has_open = open_lines.with_value(|l| !l.is_empty());
    let date_hint = move || {
        let example = i18n.date_input_value(today());
        i18n.format("orders.date_hint", &[("example", &example)])
    };
    view! {
        <form id="order-status-form" class="card settings-form" on:submit=submit novalidate>
            <h2>{t("orders.status_title")}</h2>
            <p class="hint muted">{t("orders.status_hint")}</p>
            {form_problem(problem, "order-status-problem")}
            <div class="form-grid">
                <div class="field">
                    <label for="order-next-status">{t("orders.next_status")}</label>
                    <select id="order-next-status" on:change=move |ev| chosen.set(event_target_value(&ev))>{options}</select>
                    <FieldErrors problem=errors field="status" id="order-next-status" />
                </div>
                <Show when=move || status() == OrderStatus::Delivered>
                    <div class="field">
                        <label for="order-status-delivered-on">{t("orders.delivered_on")}</label>
                        <input id="order-status-delivered-on" type="text" dir="ltr" autocomplete="off" bind:value=delivered_on
                            aria-invalid=move || problem.with(|p| names_any(p.as_ref(), &["delivered_on".to_owned()])).to_string()
                            aria-describedby="order-status-delivered-on-error" />
                        <p class="hint muted">{date_hint}</p>
                        <FieldGroupErrors problem=errors fields=delivered_fields.clone() id="order-status-delivered-on".to_owned() />
                    </div>
                </Show>
                <div class="field wide">
                    <label for="order-status-note">{t("orders.note")}</label>
                    <input id="order-status-note" type="text" dir="auto" maxlength="500" autocomplete="off" bind:value=note />
                    <FieldErrors problem=errors field="note" id="order-status-note" />
                </div>
                <Show when=move || has_open && selling()>
                    <fieldset id="order-status-serials" class="wide">
                        <legend>{t("orders.serials_title")}</legend>
                        <p class="hint muted">{t("orders.serials_hint")}</p>
                        {serial_inputs}
                    </fieldset>
                </Show>
            </div>
            <div class="form-actions">
                <button id="order-status-submit" type="submit" class="button primary" disabled=move || change.pending().get()>
                    {t("orders.change_status")}
                </button>
            </div>
        </form>
    }
    .into_any()
}

fn serial_input(errors: Signal<Option<Problem>>, line: OpenLine) -> impl IntoView {
    let id = format!("order-status-serial-{}", line.line_no);
    let fields = vec![serial_field(line.line_no)];
    let marked = fields.clone();
    let label = line_label(line.line_no);
    let model = line.model.clone();
    view! {
        <div class="field" data-line=line.line_no>
            <label for=id.clone()>{label}": "<bdi>{model}</bdi></label>
            <input id=id.clone() type="text" dir="ltr" maxlength="64" autocomplete="off" bind:value=line.serial
                aria-invalid=move || errors.with(|p| names_any(p.as_ref(), &marked)).to_string()
                aria-describedby=format!("{id}-error") />
            <FieldGroupErrors problem=errors fields id />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use aftersales_api_types::problem::{FieldError, Problem};

    use super::to_lines;

    #[test]
    fn a_serial_refused_lands_on_the_line_it_was_typed_for() {
        let problem = Problem {
            problem_type: "about:blank".to_owned(),
            title: "Invalid".to_owned(),
            status: 422,
            code: "validation_failed".to_owned(),
            detail: None,
            errors: vec![
                FieldError::new("serials[1].serial", "format", "letters and digits"),
                FieldError::new("serials[0].line_no", "sold", "already registered"),
                FieldError::new("delivered_on", "required", "needed"),
                FieldError::new("serials[7].serial", "format", "out of range"),
            ],
        };
        let fields: Vec<String> = to_lines(problem, &[2, 5]).errors.into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["line-5-serial", "line-2-serial", "delivered_on", "serials[7].serial"]);
    }
}
