//! The form of a draft: a new one (`POST /purchase-orders`) or changes to one
//! (`PATCH /purchase-orders/{id}` with `If-Match`). Mistakes stand next to their
//! fields, a line's next to its line, found here first and by the server otherwise.

use aftersales_api_types::problem::{FieldError, Problem};
use aftersales_api_types::purchasing::{CreatePurchaseOrder, PurchaseLineInput, PurchaseOrderDto, UpdatePurchaseOrder};
use leptos::prelude::*;
use uuid::Uuid;

use super::lines::{LineDraft, LinesEditor};
use super::{Lists, typed_amount, typed_quantity};
use crate::api;
use crate::components::problem::{FieldErrors, ProblemView, browser_problem_of, names_field, without_fields};
use crate::i18n::{I18n, t, use_i18n};

/// One line a new draft starts with; no cost means the part's standard cost.
#[derive(Debug, Clone, PartialEq)]
pub struct StartLine {
    pub part_id: Uuid,
    pub quantity: i64,
    pub unit_cost: Option<String>,
}

/// What a new draft starts with (e.g. the parts to order).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DraftStart {
    pub warehouse_id: Option<Uuid>,
    pub lines: Vec<StartLine>,
}

impl DraftStart {
    /// The draft as it is, to change it.
    pub fn of(order: &PurchaseOrderDto) -> Self {
        Self {
            warehouse_id: Some(order.warehouse_id),
            lines: order
                .lines
                .iter()
                .map(|l| StartLine {
                    part_id: l.part_id,
                    quantity: l.quantity_ordered,
                    unit_cost: Some(l.unit_cost.amount.clone()),
                })
                .collect(),
        }
    }
}

/// The request's fields as typed.
struct Typed {
    supplier: String,
    brand: String,
    warehouse: String,
    currency: String,
    expected: String,
    note: String,
}

#[component]
pub fn DraftForm(
    lists: Lists,
    start: DraftStart,
    existing: Option<PurchaseOrderDto>,
    saved: Callback<PurchaseOrderDto>,
    close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = lists.session;
    let editing = existing.as_ref().map(|o| (o.id, o.version));
    let first_currency = start.lines.first().and_then(|l| lists.part(l.part_id)).map(|p| p.standard_cost.currency);
    let supplier = RwSignal::new(existing.as_ref().map(|o| o.supplier_name.clone()).unwrap_or_default());
    let brand = RwSignal::new(existing.as_ref().and_then(|o| o.brand_id).map(|b| b.to_string()).unwrap_or_default());
    let warehouse = RwSignal::new(start.warehouse_id.map(|w| w.to_string()).unwrap_or_default());
    let currency = RwSignal::new(
        existing.as_ref().map(|o| o.currency.clone()).or(first_currency).unwrap_or_else(|| "VND".to_owned()),
    );
    let expected = RwSignal::new(
        existing.as_ref().and_then(|o| o.expected_on).map(|d| i18n.date_input_value(d)).unwrap_or_default(),
    );
    let note = RwSignal::new(existing.as_ref().and_then(|o| o.note.clone()).unwrap_or_default());
    let lines = RwSignal::new(
        start
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let cost = l
                    .unit_cost
                    .clone()
                    .or_else(|| lists.part(l.part_id).map(|p| p.standard_cost.amount))
                    .unwrap_or_default();
                LineDraft::new(i as u32, l.part_id, super::field_number(i18n, l.quantity), cost)
            })
            .collect::<Vec<_>>(),
    );
    let problem = RwSignal::new(None::<Problem>);

    let save = Action::new_local(move |(typed_lines, body): &(Vec<PurchaseLineInput>, Typed)| {
        let request = build(i18n, lists, editing.is_some(), body, typed_lines.clone());
        async move {
            let result = match (request, editing) {
                (Err(found), _) => {
                    problem.try_set(Some(found));
                    return;
                }
                (Ok((create, _)), None) => api::purchasing::create(session, &create).await,
                (Ok((_, update)), Some((id, version))) => api::purchasing::update(session, id, version, &update).await,
            };
            match result {
                Ok(order) => saved.run(order),
                Err(e) => {
                    problem.try_set(Some(e.problem));
                }
            }
        }
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        problem.set(None);
        let typed_lines = lines.with_untracked(|ls| ls.iter().map(LineDraft::typed).collect::<Vec<_>>());
        let body = Typed {
            supplier: supplier.get_untracked(),
            brand: brand.get_untracked(),
            warehouse: warehouse.get_untracked(),
            currency: currency.get_untracked(),
            expected: expected.get_untracked(),
            note: note.get_untracked(),
        };
        save.dispatch_local((typed_lines, body));
    };

    let problem_signal: Signal<Option<Problem>> = problem.into();
    let invalid = move |field: &'static str| move || problem.with(|p| names_field(p.as_ref(), field)).to_string();
    let form_problem = move || {
        problem.get().map(|p| view! { <div id="po-problem" class="alert" role="alert"><ProblemView problem=without_fields(&p) /></div> })
    };
    let brand_options = lists.brands.with_value(|bs| {
        bs.iter()
            .map(|b| view! { <option value=b.id.to_string() data-code=b.code.clone()>{format!("{} — {}", b.code, b.name)}</option> })
            .collect_view()
    });
    let warehouse_options = lists.warehouses.with_value(|ws| {
        ws.iter()
            .filter(|w| w.active)
            .map(|w| view! { <option value=w.id.to_string() data-code=w.code.clone()>{format!("{} — {}", w.code, w.name)}</option> })
            .collect_view()
    });
    let creating = editing.is_none();
    let title = if creating { "purchasing.new_title" } else { "purchasing.edit_title" };
    view! {
        <form id="po-form" class="card po-form" on:submit=submit novalidate>
            <h2 id="po-form-title">{t(title)}</h2>
            {form_problem}
            <div class="field">
                <label for="po-supplier">{t("purchasing.supplier")}</label>
                <input id="po-supplier" type="text" maxlength="200" autocomplete="organization" bind:value=supplier
                    aria-invalid=invalid("supplier_name") aria-describedby="po-supplier-error" />
                <FieldErrors problem=problem_signal field="supplier_name" id="po-supplier" />
            </div>
            <div class="field">
                <label for="po-brand">{t("purchasing.brand")}</label>
                <select id="po-brand" bind:value=brand aria-invalid=invalid("brand_id") aria-describedby="po-brand-error">
                    <option value="">{t("purchasing.no_brand")}</option>
                    {brand_options}
                </select>
                <FieldErrors problem=problem_signal field="brand_id" id="po-brand" />
            </div>
            <div class="field">
                <label for="po-warehouse">{t("purchasing.receiving_warehouse")}</label>
                <select id="po-warehouse" bind:value=warehouse disabled=!creating
                    aria-invalid=invalid("warehouse_id") aria-describedby="po-warehouse-error">
                    <option value="">{t("purchasing.choose_warehouse")}</option>
                    {warehouse_options}
                </select>
                <FieldErrors problem=problem_signal field="warehouse_id" id="po-warehouse" />
            </div>
            <div class="field">
                <label for="po-currency">{t("purchasing.currency")}</label>
                <input id="po-currency" type="text" dir="ltr" maxlength="3" autocomplete="off" bind:value=currency
                    disabled=!creating aria-invalid=invalid("currency") aria-describedby="po-currency-error" />
                <FieldErrors problem=problem_signal field="currency" id="po-currency" />
            </div>
            <div class="field">
                <label for="po-expected">{t("purchasing.expected_on")}</label>
                <input id="po-expected" type="text" autocomplete="off" bind:value=expected
                    aria-invalid=invalid("expected_on") aria-describedby="po-expected-hint po-expected-error" />
                <p id="po-expected-hint" class="hint muted">{t("purchasing.date_hint")}</p>
                <FieldErrors problem=problem_signal field="expected_on" id="po-expected" />
            </div>
            <div class="field">
                <label for="po-note">{t("purchasing.note")}</label>
                <input id="po-note" type="text" maxlength="500" autocomplete="off" bind:value=note
                    aria-invalid=invalid("note") aria-describedby="po-note-error" />
                <FieldErrors problem=problem_signal field="note" id="po-note" />
            </div>
            <LinesEditor lists lines currency=currency.into() problem=problem_signal />
            <div class="actions">
                <button id="po-save" type="submit" class="button primary" disabled=move || save.pending().get()>
                    {move || i18n.text(if save.pending().get() { "purchasing.saving" } else { "purchasing.save" })}
                </button>
                <button id="po-close" type="button" class="button secondary" on:click=move |_| close.run(())>
                    {t("purchasing.close")}
                </button>
            </div>
        </form>
    }
}

/// The requests (create, update) or a problem naming every field not right yet.
fn build(
    i18n: I18n,
    lists: Lists,
    editing: bool,
    typed: &Typed,
    lines: Vec<PurchaseLineInput>,
) -> Result<(CreatePurchaseOrder, UpdatePurchaseOrder), Problem> {
    let mut errors = Vec::new();
    let mut fail = |field: String, code: &str, key: &str| {
        errors.push(FieldError::new(field, code.to_owned(), key.to_owned()));
    };
    let supplier = typed.supplier.trim().to_owned();
    if supplier.is_empty() {
        fail("supplier_name".into(), "required", "purchasing.error.supplier");
    }
    let warehouse = Uuid::parse_str(&typed.warehouse).ok();
    if warehouse.is_none() && !editing {
        fail("warehouse_id".into(), "required", "purchasing.error.warehouse");
    }
    let currency = typed.currency.trim().to_uppercase();
    if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
        fail("currency".into(), "currency", "purchasing.error.currency");
    }
    let expected_text = typed.expected.trim();
    let expected = i18n.parse_date(expected_text);
    if !expected_text.is_empty() && expected.is_none() {
        fail("expected_on".into(), "date", "purchasing.error.date");
    }
    for (i, line) in lines.iter().enumerate() {
        if line.quantity == 0 {
            fail(format!("lines[{i}].quantity"), "range", "purchasing.error.quantity");
        }
        if line.unit_cost.is_empty() {
            fail(format!("lines[{i}].unit_cost"), "amount", "purchasing.error.unit_cost");
        }
        let priced = lists.part(line.part_id).map(|p| p.standard_cost.currency);
        if priced.as_ref().is_some_and(|c| *c != currency) {
            fail(format!("lines[{i}].part_id"), "currency_mismatch", "purchasing.error.line_currency");
        }
    }
    if !errors.is_empty() {
        return Err(browser_problem_of(errors));
    }
    let note = typed.note.trim();
    let note = (!note.is_empty()).then(|| note.to_owned());
    let brand = Uuid::parse_str(&typed.brand).ok();
    let create = CreatePurchaseOrder {
        warehouse_id: warehouse.unwrap_or_default(),
        supplier_name: supplier.clone(),
        brand_id: brand,
        currency,
        expected_on: expected,
        note: note.clone(),
        lines: lines.clone(),
    };
    let update = UpdatePurchaseOrder {
        supplier_name: Some(supplier),
        brand_id: Some(brand),
        expected_on: Some(expected),
        note: Some(note),
        lines: Some(lines),
    };
    Ok((create, update))
}

/// A line as the API takes it; unreadable numbers become 0 / "" and are flagged.
pub fn line_input(part_id: Uuid, quantity: &str, cost: &str) -> PurchaseLineInput {
    PurchaseLineInput {
        part_id,
        quantity: typed_quantity(quantity).unwrap_or(0),
        unit_cost: typed_amount(cost).unwrap_or_default(),
    }
}
