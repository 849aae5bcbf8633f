//! "New transfer": a draft from one warehouse to another with lines of part and
//! quantity (`POST /transfers`). Mistakes found here are shown by their fields;
//! the server's problem above the form. On success the draft's page opens.

use aftersales_api_types::problem::{FieldError, Problem};
use aftersales_api_types::transfers::{CreateTransfer as CreateRequest, TransferLineInput};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

use super::Lookup;
use crate::api;
use crate::components::problem::{FieldErrors, ProblemView, without_fields};
use crate::i18n::number::latin_digits;
use crate::i18n::{t, use_i18n};
use crate::session::Session;

/// One line being typed: its part and quantity as text.
#[derive(Debug, Clone, Copy)]
struct Line {
    key: usize,
    part: RwSignal<String>,
    quantity: RwSignal<String>,
}

impl Line {
    fn new(key: usize) -> Self {
        Self { key, part: RwSignal::new(String::new()), quantity: RwSignal::new(String::new()) }
    }
}

#[component]
pub fn CreateTransfer(session: Session, lookup: Lookup) -> impl IntoView {
    let i18n = use_i18n();
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let lines = RwSignal::new(vec![Line::new(0)]);
    let next_key = StoredValue::new(1_usize);
    let problem = RwSignal::new(None::<Problem>);
    let navigate = use_navigate();
    let go = StoredValue::new_local(move |id: Uuid| navigate(&format!("/transfers/{id}"), NavigateOptions::default()));

    let create = Action::new_local(move |request: &CreateRequest| {
        let request = request.clone();
        async move {
            match api::transfers::create(session, &request).await {
                Ok(transfer) => go.with_value(|go| go(transfer.id)),
                Err(e) => {
                    problem.try_set(Some(e.problem));
                }
            }
        }
    });
    let add_line = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        lines.update(|l| l.push(Line::new(key)));
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut errors = Vec::new();
        let mut fail = |field: String, key: &str| {
            errors.push(FieldError::new(field, "invalid".to_owned(), key.to_owned()));
        };
        let from_id = Uuid::parse_str(&from.get_untracked()).ok();
        let to_id = Uuid::parse_str(&to.get_untracked()).ok();
        if from_id.is_none() {
            fail("from_warehouse_id".to_owned(), "transfers.error.from");
        }
        if to_id.is_none() || to_id == from_id {
            fail("to_warehouse_id".to_owned(), "transfers.error.to");
        }
        let mut request_lines = Vec::new();
        for (i, line) in lines.get_untracked().iter().enumerate() {
            let part = Uuid::parse_str(&line.part.get_untracked()).ok();
            let quantity = latin_digits(line.quantity.get_untracked().trim())
                .parse::<i64>()
                .ok()
                .filter(|q| (1..=1_000_000).contains(q));
            if part.is_none() {
                fail(format!("lines[{i}].part_id"), "transfers.error.part");
            }
            if quantity.is_none() {
                fail(format!("lines[{i}].quantity"), "transfers.error.quantity");
            }
            if let (Some(part_id), Some(quantity)) = (part, quantity) {
                request_lines.push(TransferLineInput { part_id, quantity });
            }
        }
        match (from_id, to_id, errors.is_empty()) {
            (Some(from_warehouse_id), Some(to_warehouse_id), true) => {
                problem.set(None);
                let note = note.get_untracked().trim().to_owned();
                create.dispatch_local(CreateRequest {
                    from_warehouse_id,
                    to_warehouse_id,
                    lines: request_lines,
                    note: (!note.is_empty()).then_some(note),
                });
            }
            _ => problem.set(Some(Problem {
                problem_type: "about:blank".to_owned(),
                title: i18n.text("problem.validation_failed").to_owned(),
                status: 422,
                code: "validation_failed".to_owned(),
                detail: None,
                errors,
            })),
        }
    };
    let problem_signal: Signal<Option<Problem>> = problem.into();
    let warehouse_options = move || {
        lookup
            .warehouse_options()
            .into_iter()
            .map(|(id, label)| {
                let code = lookup.warehouse_code(id);
                view! { <option value=id.to_string() data-code=code>{label}</option> }
            })
            .collect_view()
    };
    view! {
        <form id="transfer-create" class="card transfer-create" on:submit=submit novalidate>
            <h2 id="transfer-create-title">{t("transfers.new_title")}</h2>
            {move || problem.get().map(|p| view! { <div id="transfer-create-problem" class="alert" role="alert"><ProblemView problem=without_fields(&p) /></div> })}
            <div class="form-row">
                <div class="field">
                    <label for="transfer-from">{t("transfers.from")}</label>
                    <select id="transfer-from" bind:value=from aria-describedby="transfer-from-error">
                        <option value="">{t("transfers.choose_warehouse")}</option>
                        {warehouse_options}
                    </select>
                    <FieldErrors problem=problem_signal field="from_warehouse_id" id="transfer-from" />
                </div>
                <div class="field">
                    <label for="transfer-to">{t("transfers.to")}</label>
                    <select id="transfer-to" bind:value=to aria-describedby="transfer-to-error">
                        <option value="">{t("transfers.choose_warehouse")}</option>
                        {warehouse_options}
                    </select>
                    <FieldErrors problem=problem_signal field="to_warehouse_id" id="transfer-to" />
                </div>
            </div>
            <fieldset class="transfer-lines">
                <legend>{t("transfers.lines")}</legend>
                <For each=move || lines.get() key=|l| l.key let:line>
                    <LineFields line lookup lines problem />
                </For>
                <button id="transfer-add-line" type="button" class="button secondary" on:click=add_line>{t("transfers.add_line")}</button>
            </fieldset>
            <div class="field">
                <label for="transfer-note">{t("transfers.note")}</label>
                <input id="transfer-note" type="text" maxlength="500" autocomplete="off" bind:value=note />
            </div>
            <button id="transfer-create-submit" type="submit" class="button primary" disabled=move || create.pending().get()>
                {t("transfers.create")}
            </button>
        </form>
    }
}

#[component]
fn LineFields(
    line: Line,
    lookup: Lookup,
    lines: RwSignal<Vec<Line>>,
    problem: RwSignal<Option<Problem>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let index = move || lines.with(|l| l.iter().position(|x| x.key == line.key).unwrap_or(0));
    let part_id = format!("transfer-line-part-{}", line.key);
    let quantity_id = format!("transfer-line-quantity-{}", line.key);
    let error = move |what: &'static str| {
        move || {
            let field = format!("lines[{}].{what}", index());
            problem.with(|p| {
                p.as_ref().and_then(|p| {
                    p.errors
                        .iter()
                        .find(|e| e.field == field)
                        .map(|e| i18n.text_dynamic(&e.message).map_or_else(|| e.message.clone(), str::to_owned))
                })
            })
        }
    };
    let part_error = error("part_id");
    let quantity_error = error("quantity");
    let remove = move |_| lines.update(|l| l.retain(|x| x.key != line.key));
    let options = lookup
        .part_options()
        .into_iter()
        .map(|(id, sku, label)| view! { <option value=id.to_string() data-sku=sku>{label}</option> })
        .collect_view();
    view! {
        <div class="transfer-line form-row" data-line=line.key>
            <div class="field">
                <label for=part_id.clone()>{t("transfers.part")}</label>
                <select id=part_id class="line-part" bind:value=line.part>
                    <option value="">{t("transfers.choose_part")}</option>
                    {options}
                </select>
                {move || part_error().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            </div>
            <div class="field">
                <label for=quantity_id.clone()>{t("transfers.quantity")}</label>
                <input id=quantity_id class="line-quantity" type="text" inputmode="numeric" autocomplete="off" bind:value=line.quantity />
                {move || quantity_error().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            </div>
            <Show when=move || lines.with(|l| l.len() > 1)>
                <button type="button" class="button link line-remove" on:click=remove>{t("transfers.remove_line")}</button>
            </Show>
        </div>
    }
}
