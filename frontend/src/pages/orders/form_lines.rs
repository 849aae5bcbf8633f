//! The units of a new order: one line per unit sold, its model and, when the
//! platform knows it already, its serial; each line's mistakes in its row.

use aftersales_api_types::orders::OrderLineInput;
use aftersales_api_types::problem::{FieldError, Problem};
use leptos::prelude::*;
use uuid::Uuid;

use super::Names;
use crate::components::problem::{FieldErrors, FieldGroupErrors, names_any};
use crate::i18n::t;

/// The most lines an order may have.
const MAX_LINES: usize = 50;

/// One line as typed.
#[derive(Debug, Clone, Copy)]
pub struct LineDraft {
    key: u32,
    model: RwSignal<String>,
    serial: RwSignal<String>,
}

impl LineDraft {
    pub fn new(key: u32) -> Self {
        Self { key, model: RwSignal::new(String::new()), serial: RwSignal::new(String::new()) }
    }
}

/// The lines as the API takes them, or the field errors (catalogue keys as
/// messages) found here.
pub fn check_lines(lines: &[LineDraft], errors: &mut Vec<FieldError>) -> Vec<OrderLineInput> {
    if lines.is_empty() {
        errors.push(FieldError::new("lines".to_owned(), "required".to_owned(), "orders.error.lines".to_owned()));
    }
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let serial = Some(line.serial.get_untracked().trim().to_owned()).filter(|s| !s.is_empty());
        match Uuid::parse_str(&line.model.get_untracked()) {
            Ok(model_id) => out.push(OrderLineInput { model_id, serial }),
            Err(_) => errors.push(FieldError::new(
                format!("lines[{i}].model_id"),
                "required".to_owned(),
                "orders.error.model".to_owned(),
            )),
        }
    }
    out
}

#[component]
pub fn LinesEditor(names: Names, lines: RwSignal<Vec<LineDraft>>, problem: Signal<Option<Problem>>) -> impl IntoView {
    // New lines' signals belong to the form, not to the click that added them.
    let owner = StoredValue::new_local(Owner::current());
    let add = move |_| {
        lines.update(|ls| {
            if ls.len() >= MAX_LINES {
                return;
            }
            let key = ls.iter().map(|l| l.key + 1).max().unwrap_or(0);
            let line = owner.with_value(|o| o.as_ref().map(|o| o.with(|| LineDraft::new(key))));
            ls.push(line.unwrap_or_else(|| LineDraft::new(key)));
        });
    };
    let numbered = move || lines.get().into_iter().enumerate().collect::<Vec<(usize, LineDraft)>>();
    view! {
        <fieldset id="order-lines-input" class="wide" style="min-inline-size: 0">
            <legend>{t("orders.lines")}</legend>
            <div class="table-wrap">
                <table class="data" id="order-lines-table">
                    <caption class="visually-hidden">{t("orders.lines")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t("orders.line")}</th>
                            <th scope="col">{t("orders.model")}</th>
                            <th scope="col">{t("orders.serial_optional")}</th>
                            <th scope="col">{t("orders.actions")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=numbered key=|(i, l)| (*i, l.key) let:item>
                            <LineRow names lines index=item.0 line=item.1 problem />
                        </For>
                    </tbody>
                </table>
            </div>
            <FieldErrors problem field="lines" id="order-lines" />
            <button id="order-line-add" type="button" class="button secondary" on:click=add
                disabled=move || lines.with(|l| l.len() >= MAX_LINES)>
                {t("orders.add_line")}
            </button>
        </fieldset>
    }
}

#[component]
fn LineRow(
    names: Names,
    lines: RwSignal<Vec<LineDraft>>,
    index: usize,
    line: LineDraft,
    problem: Signal<Option<Problem>>,
) -> impl IntoView {
    let number = index + 1;
    let model_id = format!("order-line-model-{number}");
    let serial_id = format!("order-line-serial-{number}");
    let model_fields = vec![format!("lines[{index}].model_id")];
    let serial_fields = vec![format!("lines[{index}].serial")];
    let model_invalid = {
        let fields = model_fields.clone();
        move || problem.with(|p| names_any(p.as_ref(), &fields)).to_string()
    };
    let serial_invalid = {
        let fields = serial_fields.clone();
        move || problem.with(|p| names_any(p.as_ref(), &fields)).to_string()
    };
    let options = names.models.with_value(|models| {
        models
            .iter()
            .filter(|m| m.active)
            .map(|m| {
                let id = m.id.to_string();
                let mine = id.clone();
                view! {
                    <option value=id data-sku=m.sku.clone() selected=move || line.model.get() == mine>
                        {format!("{} — {}", m.sku, m.name)}
                    </option>
                }
            })
            .collect_view()
    });
    let remove = move |_| lines.update(|ls| ls.retain(|l| l.key != line.key));
    view! {
        <tr class="order-line-input" data-line=number>
            <td class="num">{number}</td>
            <td>
                <label class="visually-hidden" for=model_id.clone()>{t("orders.model")}</label>
                <select id=model_id.clone() class="order-line-model" on:change=move |ev| line.model.set(event_target_value(&ev))
                    aria-invalid=model_invalid aria-describedby=format!("{model_id}-error")>
                    <option value="">{t("orders.choose_model")}</option>
                    {options}
                </select>
                <FieldGroupErrors problem fields=model_fields id=model_id />
            </td>
            <td>
                <label class="visually-hidden" for=serial_id.clone()>{t("orders.serial_optional")}</label>
                <input id=serial_id.clone() class="order-line-serial" type="text" dir="ltr" maxlength="64" autocomplete="off"
                    bind:value=line.serial aria-invalid=serial_invalid aria-describedby=format!("{serial_id}-error") />
                <FieldGroupErrors problem fields=serial_fields id=serial_id />
            </td>
            <td>
                <button type="button" class="button link order-line-remove" on:click=remove
                    disabled=move || lines.with(|l| l.len() <= 1)>
                    {t("orders.remove_line")}
                </button>
            </td>
        </tr>
    }
}
