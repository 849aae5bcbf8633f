//! The part form: a new part (`POST /parts`) or a change to one (`PATCH /parts/{id}`
//! with `If-Match`). The server checks every field; its field errors stand next to
//! their fields, and what was typed stays in the form when it refuses.

use aftersales_api_types::parts::{CreatePart, PartDto, UpdatePart};
use aftersales_api_types::problem::{FieldError, Problem};
use aftersales_api_types::service_items::Money;
use leptos::prelude::*;
use uuid::Uuid;

use super::{Editing, PartsView};

// Paths of the nested money fields in the server's field errors (written in two
// pieces: they are no catalogue keys).
const COST_AMOUNT: &str = concat!("standard_cost", ".amount");
const COST_CURRENCY: &str = concat!("standard_cost", ".currency");
const PRICE_AMOUNT: &str = concat!("price", ".amount");
const PRICE_CURRENCY: &str = concat!("price", ".currency");
use crate::api::{self, ApiError};
use crate::components::problem::{FieldErrors, ProblemView, browser_problem, names_field, without_fields};
use crate::i18n::number::latin_digits;
use crate::i18n::{t, use_i18n};

/// What the form sends: a new part, or a change to one at its version.
type Save = crate::api::Save<CreatePart, UpdatePart>;

#[component]
pub fn PartForm(view: PartsView, editing: Editing) -> impl IntoView {
    let i18n = use_i18n();
    let session = view.session;
    let part = match &editing {
        Editing::Part(p) => Some(p.clone()),
        Editing::New => None,
    };
    let is_new = part.is_none();
    let first_brand = view.brands.with_value(|b| b.iter().find(|b| b.active).map(|b| b.id.to_string()));
    let text =
        |f: fn(&PartDto) -> String, default: &str| RwSignal::new(part.as_ref().map_or_else(|| default.to_owned(), f));
    let brand = RwSignal::new(part.as_ref().map(|p| p.brand_id.to_string()).or(first_brand).unwrap_or_default());
    let sku = text(|p| p.sku.clone(), "");
    let name = text(|p| p.name.clone(), "");
    let component = text(|p| p.component_code.clone().unwrap_or_default(), "");
    let unit = text(|p| p.unit.clone(), "pcs");
    let currency = text(|p| p.price.currency.clone(), "VND");
    let cost = text(|p| p.standard_cost.amount.clone(), "");
    let price = text(|p| p.price.amount.clone(), "");
    let reorder = text(|p| p.reorder_point.to_string(), "0");
    let serialised = RwSignal::new(part.as_ref().is_some_and(|p| p.serialised));
    let discontinued = RwSignal::new(part.as_ref().is_some_and(|p| !p.active));
    let chosen_models = RwSignal::new(part.as_ref().map(|p| p.model_ids.clone()).unwrap_or_default());
    let problem = RwSignal::new(None::<Problem>);

    let models = LocalResource::new(move || {
        let brand = Uuid::parse_str(&brand.get()).ok();
        async move {
            match brand {
                Some(b) => api::reference::models(session, Some(b)).await,
                None => Ok(Vec::new()),
            }
        }
    });

    let save = Action::new_local(move |save: &Save| {
        let save = save.clone();
        async move {
            let result = match &save {
                Save::Create(body) => api::parts::create(session, body).await,
                Save::Update(id, version, body) => api::parts::update(session, *id, *version, body).await,
            };
            match result {
                Ok(saved) => {
                    view.saved.try_set(Some(saved.sku));
                    view.editing.try_set(None);
                    view.changes.try_update(|n| *n += 1);
                }
                Err(e) => {
                    problem.try_set(Some(by_field(e)));
                }
            }
        }
    });

    let editing_id = part.as_ref().map(|p| (p.id, p.version));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let reorder_point = latin_digits(reorder.get_untracked().trim()).parse::<i32>().ok();
        let Some(reorder_point) = reorder_point else {
            problem.set(Some(browser_problem(&[("reorder_point", "parts.error.reorder")])));
            return;
        };
        let money = |amount: RwSignal<String>| Money {
            amount: latin_digits(amount.get_untracked().trim()),
            currency: currency.get_untracked().trim().to_uppercase(),
        };
        let component_code = Some(component.get_untracked().trim().to_owned()).filter(|c| !c.is_empty());
        let model_ids = chosen_models.get_untracked();
        let request = match editing_id {
            None => {
                let Ok(brand_id) = Uuid::parse_str(&brand.get_untracked()) else {
                    problem.set(Some(browser_problem(&[("brand_id", "parts.error.brand")])));
                    return;
                };
                Save::Create(CreatePart {
                    brand_id,
                    sku: sku.get_untracked(),
                    name: name.get_untracked(),
                    component_code,
                    unit: unit.get_untracked().trim().to_owned(),
                    serialised: serialised.get_untracked(),
                    standard_cost: money(cost),
                    price: money(price),
                    reorder_point,
                    model_ids,
                })
            }
            Some((id, version)) => Save::Update(
                id,
                version,
                UpdatePart {
                    sku: Some(sku.get_untracked()),
                    name: Some(name.get_untracked()),
                    component_code: Some(component_code),
                    unit: Some(unit.get_untracked().trim().to_owned()),
                    serialised: Some(serialised.get_untracked()),
                    standard_cost: Some(money(cost)),
                    price: Some(money(price)),
                    reorder_point: Some(reorder_point),
                    model_ids: Some(model_ids),
                    active: Some(!discontinued.get_untracked()),
                },
            ),
        };
        problem.set(None);
        save.dispatch_local(request);
    };

    let errors: Signal<Option<Problem>> = problem.into();
    let invalid = move |fields: &'static [&'static str]| {
        move || problem.with(|p| fields.iter().any(|f| names_field(p.as_ref(), f))).to_string()
    };
    let form_problem = move || {
        problem.get().map(|p| view! { <div id="part-problem" class="alert" role="alert"><ProblemView problem=without_fields(&p) /></div> })
    };
    let brand_options = view.brands.with_value(|brands| {
        brands
            .iter()
            .filter(|b| b.active)
            .map(|b| view! { <option value=b.id.to_string() data-code=b.code.clone()>{format!("{} — {}", b.code, b.name)}</option> })
            .collect_view()
    });
    let model_options = move || {
        Suspend::new(async move {
            let list = models.await.unwrap_or_default();
            if list.is_empty() {
                return view! { <p class="muted">{t("parts.no_models")}</p> }.into_any();
            }
            list.into_iter()
                .map(|m| {
                    let id = m.id;
                    let input_id = format!("part-model-{id}");
                    let toggle = move |ev: leptos::ev::Event| {
                        let on = event_target_checked(&ev);
                        chosen_models.update(|ids| {
                            ids.retain(|i| *i != id);
                            if on {
                                ids.push(id);
                            }
                        });
                    };
                    view! {
                        <div class="check">
                            <input type="checkbox" id=input_id.clone() data-sku=m.sku.clone()
                                prop:checked=move || chosen_models.with(|ids| ids.contains(&id)) on:change=toggle />
                            <label for=input_id>{format!("{} — {}", m.sku, m.name)}</label>
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    let title = if is_new { "parts.new_title" } else { "parts.edit_title" };
    view! {
        <form id="part-form" class="card part-form" on:submit=submit novalidate>
            <h2 id="part-form-title">{t(title)}</h2>
            {form_problem}
            <div class="form-grid">
                <div class="field">
                    <label for="part-brand">{t("parts.brand")}</label>
                    <select id="part-brand" bind:value=brand on:change=move |_| chosen_models.set(Vec::new()) disabled=!is_new aria-invalid=invalid(&["brand_id"])>
                        {brand_options}
                    </select>
                    <FieldErrors problem=errors field="brand_id" id="part-brand" />
                </div>
                <div class="field">
                    <label for="part-sku">{t("parts.sku")}</label>
                    <input id="part-sku" type="text" dir="ltr" maxlength="64" autocomplete="off" bind:value=sku
                        aria-invalid=invalid(&["sku"]) aria-describedby="part-sku-error" />
                    <FieldErrors problem=errors field="sku" id="part-sku" />
                </div>
                <div class="field wide">
                    <label for="part-name">{t("parts.name")}</label>
                    <input id="part-name" type="text" maxlength="200" autocomplete="off" bind:value=name
                        aria-invalid=invalid(&["name"]) aria-describedby="part-name-error" />
                    <FieldErrors problem=errors field="name" id="part-name" />
                </div>
                <div class="field">
                    <label for="part-component">{t("parts.component")}</label>
                    <input id="part-component" type="text" dir="ltr" maxlength="32" autocomplete="off" bind:value=component
                        aria-invalid=invalid(&["component_code"]) aria-describedby="part-component-hint part-component-error" />
                    <p id="part-component-hint" class="hint muted">{t("parts.key_hint")}</p>
                    <FieldErrors problem=errors field="component_code" id="part-component" />
                </div>
                <div class="field">
                    <label for="part-unit">{t("parts.unit")}</label>
                    <input id="part-unit" type="text" dir="ltr" maxlength="16" autocomplete="off" bind:value=unit
                        aria-invalid=invalid(&["unit"]) aria-describedby="part-unit-error" />
                    <FieldErrors problem=errors field="unit" id="part-unit" />
                </div>
                <div class="field">
                    <label for="part-currency">{t("parts.currency")}</label>
                    <input id="part-currency" type="text" dir="ltr" maxlength="3" autocomplete="off" bind:value=currency
                        aria-invalid=invalid(&[COST_CURRENCY, PRICE_CURRENCY]) aria-describedby="part-currency-error" />
                    <FieldErrors problem=errors field=COST_CURRENCY id="part-currency" />
                    <FieldErrors problem=errors field=PRICE_CURRENCY id="part-currency-price" />
                </div>
                <div class="field">
                    <label for="part-cost">{t("parts.standard_cost")}</label>
                    <input id="part-cost" type="text" inputmode="decimal" autocomplete="off" bind:value=cost
                        aria-invalid=invalid(&["standard_cost", COST_AMOUNT]) aria-describedby="part-cost-hint part-cost-error" />
                    <p id="part-cost-hint" class="hint muted">{t("parts.amount_hint")}</p>
                    <FieldErrors problem=errors field=COST_AMOUNT id="part-cost" />
                    <FieldErrors problem=errors field="standard_cost" id="part-cost-all" />
                </div>
                <div class="field">
                    <label for="part-price">{t("parts.price")}</label>
                    <input id="part-price" type="text" inputmode="decimal" autocomplete="off" bind:value=price
                        aria-invalid=invalid(&["price", PRICE_AMOUNT]) aria-describedby="part-price-error" />
                    <FieldErrors problem=errors field=PRICE_AMOUNT id="part-price" />
                    <FieldErrors problem=errors field="price" id="part-price-all" />
                </div>
                <div class="field">
                    <label for="part-reorder">{t("parts.reorder_point")}</label>
                    <input id="part-reorder" type="text" inputmode="numeric" autocomplete="off" bind:value=reorder
                        aria-invalid=invalid(&["reorder_point"]) aria-describedby="part-reorder-error" />
                    <FieldErrors problem=errors field="reorder_point" id="part-reorder" />
                </div>
                <fieldset id="part-models" class="field wide models">
                    <legend>{t("parts.models")}</legend>
                    <div class="model-list">
                        <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>{model_options}</Transition>
                    </div>
                    <FieldErrors problem=errors field="model_ids" id="part-models" />
                </fieldset>
                <div class="field check">
                    <input id="part-serialised" type="checkbox" bind:checked=serialised />
                    <label for="part-serialised">{t("parts.serialised")}</label>
                </div>
                {(!is_new).then(|| view! {
                    <div class="field check">
                        <input id="part-discontinued" type="checkbox" bind:checked=discontinued />
                        <label for="part-discontinued">{t("parts.discontinued")}</label>
                    </div>
                })}
            </div>
            <div class="form-actions">
                <button id="part-submit" type="submit" class="button primary" disabled=move || save.pending().get()>
                    {move || i18n.text(if save.pending().get() { "parts.saving" } else { "parts.save" })}
                </button>
                <button id="part-cancel" type="button" class="button secondary" on:click=move |_| view.editing.set(None)>
                    {t("parts.cancel")}
                </button>
            </div>
        </form>
    }
}

/// The server's problem, arranged for the form: the only conflict a part can meet is
/// a SKU its brand already has, shown next to the SKU; `model_ids[3]` is shown next
/// to the models.
fn by_field(error: ApiError) -> Problem {
    let mut problem = error.problem;
    for e in &mut problem.errors {
        if e.field.starts_with("model_ids[") {
            e.field = "model_ids".to_owned();
        }
    }
    if problem.status == 409 && problem.errors.is_empty() {
        let message = "parts.error.sku_taken".to_owned();
        problem.errors.push(FieldError::new("sku".to_owned(), "conflict".to_owned(), message));
    }
    problem
}
