//! Steps 1 and 2: find the unit (by serial, warranty card, invoice or the owner's
//! phone), pick one when several match, and see its warranty decision for today.

use aftersales_api_types::serials::SerialUnitDto;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Draft;
use crate::api;
use crate::api::intake::FindBy;
use crate::components::problem::{FieldErrors, ProblemView};
use crate::components::warranty_decision::DecisionView;
use crate::i18n::date::iso_date;
use crate::i18n::date::today;
use crate::i18n::{t, use_i18n};
use crate::session::use_session;

fn by_key(by: FindBy) -> &'static str {
    match by {
        FindBy::Serial => "intake.by.serial",
        FindBy::WarrantyCard => "intake.by.warranty_card",
        FindBy::Document => "intake.by.document",
        FindBy::Phone => "intake.by.phone",
    }
}

#[component]
pub fn UnitStep(draft: Draft) -> impl IntoView {
    let session = use_session();
    let by = RwSignal::new(FindBy::Serial);
    let typed = RwSignal::new(String::new());
    let search = RwSignal::new(None::<(FindBy, String)>);
    let results = LocalResource::new(move || {
        let wanted = search.get();
        async move {
            match wanted {
                Some((by, value)) => Some(api::intake::find_units(session, by, value).await),
                None => None,
            }
        }
    });
    let choose = move |unit: SerialUnitDto| {
        let owner = unit.owner_customer_id;
        draft.no_unit.set(false);
        draft.faults.set(Vec::new());
        draft.unit.set(Some(unit));
        if let Some(id) = owner {
            spawn_local(async move {
                if let Ok(customer) = api::reference::customer(session, id).await {
                    draft.customer.set(Some(customer));
                }
            });
        }
    };
    // One match is the unit: no need to pick it.
    Effect::new(move || {
        if let Some(Some(Ok(units))) = results.get()
            && let [only] = units.as_slice()
            && draft.unit.with_untracked(|u| u.as_ref().map(|u| u.id)) != Some(only.id)
        {
            choose(only.clone());
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = typed.get_untracked().trim().to_owned();
        if !value.is_empty() {
            draft.unit.set(None);
            search.set(Some((by.get_untracked(), value)));
        }
    };
    let matches = move || {
        results.get().map(|answer| match answer {
            None => ().into_any(),
            Some(Ok(units)) if units.is_empty() => view! {
                <p id="intake-no-match" class="muted" role="status">{t("intake.no_match")}</p>
            }
            .into_any(),
            Some(Ok(units)) if units.len() == 1 => ().into_any(),
            Some(Ok(units)) => view! {
                <p class="muted">{t("intake.several")}</p>
                <ul id="intake-matches" class="intake-choices">
                    {units
                        .into_iter()
                        .map(|u| {
                            let label = u.serial.clone();
                            let serial = u.serial.clone();
                            view! {
                                <li>
                                    <button type="button" class="button secondary intake-match" data-serial=serial
                                        on:click=move |_| choose(u.clone())>
                                        <bdi>{label}</bdi>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any(),
            Some(Err(e)) => {
                view! { <div class="alert" role="alert"><ProblemView problem=e.problem /></div> }.into_any()
            }
        })
    };
    view! {
        <li class="card intake-step" aria-labelledby="intake-step1">
            <h2 id="intake-step1">{t("intake.step.unit")}</h2>
            <form id="intake-find" class="intake-find" role="search" on:submit=submit>
                <div class="field">
                    <label for="intake-by">{t("intake.find_by")}</label>
                    <select id="intake-by" on:change=move |ev| by.set(FindBy::from_param(&event_target_value(&ev)))>
                        {FindBy::ALL
                            .into_iter()
                            .map(|b| view! { <option value=b.param() selected=move || by.get() == b>{t(by_key(b))}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="intake-search">{t("intake.search")}</label>
                    <input id="intake-search" type="search" dir="auto" autocomplete="off" spellcheck="false"
                        maxlength="80" bind:value=typed />
                </div>
                <button id="intake-find-submit" type="submit" class="button">{t("intake.find")}</button>
            </form>
            <Transition fallback=|| view! { <p class="muted" role="status">{t("table.loading")}</p> }>{matches}</Transition>
            {move || draft.unit.get().map(|unit| view! { <ChosenUnit unit /> })}
            <FieldErrors problem=draft.problem_signal() field="serial_id" id="intake-unit" />
            <Show when=move || !draft.unit_settled()>
                <p class="muted">{t("intake.no_unit_hint")}</p>
                <button id="intake-no-unit" type="button" class="button secondary"
                    on:click=move |_| { draft.unit.set(None); draft.faults.set(Vec::new()); draft.no_unit.set(true); }>
                    {t("intake.no_unit")}
                </button>
            </Show>
            <Show when=move || draft.no_unit.get()>
                <p id="intake-no-unit-chosen" class="muted" role="status">{t("intake.no_unit_chosen")}</p>
                <ModelPicker draft />
            </Show>
        </li>
    }
}

/// For a unit not in the registry: its brand, then its model (whose category
/// gives the symptom codes of step 4).
#[component]
fn ModelPicker(draft: Draft) -> impl IntoView {
    let session = use_session();
    let brand = RwSignal::new(String::new());
    let brands = LocalResource::new(move || api::reference::brands(session));
    let models = LocalResource::new(move || {
        let brand = brand.get().parse().ok();
        async move {
            match brand {
                Some(id) => Some(api::reference::models(session, Some(id)).await),
                None => None,
            }
        }
    });
    let brand_options = move || {
        brands
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .filter(|b| b.active)
            .map(|b| {
                view! { <option value=b.id.to_string() data-code=b.code.clone()>{b.name}</option> }
            })
            .collect_view()
    };
    let model_options =
        move || {
            models.get().flatten().and_then(Result::ok).unwrap_or_default().into_iter().filter(|m| m.active).map(|m| {
            let id = m.id;
            view! {
                <option value=id.to_string() data-code=m.sku.clone() selected=move || draft.model.get() == Some(id)>
                    {format!("{} — {}", m.sku, m.name)}
                </option>
            }
        }).collect_view()
        };
    let choose_brand = move |ev: leptos::ev::Event| {
        brand.set(event_target_value(&ev));
        draft.model.set(None);
    };
    let choose_model = move |ev: leptos::ev::Event| draft.model.set(event_target_value(&ev).parse().ok());
    view! {
        <div class="field-row">
            <div class="field">
                <label for="intake-brand">{t("intake.brand")}</label>
                <select id="intake-brand" on:change=choose_brand>
                    <option value="">{t("intake.choose_brand")}</option>
                    {brand_options}
                </select>
            </div>
            <div class="field">
                <label for="intake-model">{t("intake.model")}</label>
                <select id="intake-model" on:change=choose_model prop:disabled=move || brand.with(String::is_empty)>
                    <option value="">{t("intake.choose_model")}</option>
                    {model_options}
                </select>
                <FieldErrors problem=draft.problem_signal() field="model_id" id="intake-model" />
            </div>
        </div>
    }
}

/// The unit the ticket is for.
#[component]
fn ChosenUnit(unit: SerialUnitDto) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let model_id = unit.model_id;
    let model = LocalResource::new(move || api::tickets::model_name(session, model_id));
    let sold = unit.sale_date.map(|day| {
        view! {
            <span>
                " · " {t("intake.sold")} " "
                <time datetime=iso_date(day)>{move || i18n.date(day)}</time>
            </span>
        }
    });
    view! {
        <div id="intake-unit" class="intake-chosen" role="status" data-serial=unit.serial.clone()>
            <strong class="code"><bdi>{unit.serial.clone()}</bdi></strong>
            " · "
            <bdi>{move || model.get().flatten().unwrap_or_default()}</bdi>
            {sold}
        </div>
    }
}

#[component]
pub fn WarrantyStep(draft: Draft) -> impl IntoView {
    let session = use_session();
    let decision = LocalResource::new(move || {
        let unit = draft.unit.with(|u| u.as_ref().map(|u| u.id));
        async move {
            match unit {
                Some(id) => Some(api::reference::evaluate(session, &api::serials::unit_claim(id, today())).await),
                None => None,
            }
        }
    });
    let body = move || {
        decision.get().map(|answer| match answer {
            Some(answer) => view! { <DecisionView answer /> }.into_any(),
            None if draft.no_unit.get() => {
                view! { <p id="intake-warranty-unknown" class="muted">{t("intake.warranty_unknown")}</p> }.into_any()
            }
            None => view! { <p class="muted">{t("intake.unit_first")}</p> }.into_any(),
        })
    };
    view! {
        <li class="card intake-step" aria-labelledby="intake-step2">
            <h2 id="intake-step2">{t("intake.step.warranty")}</h2>
            <Transition fallback=|| view! { <p class="muted" role="status">{t("table.loading")}</p> }>{body}</Transition>
        </li>
    }
}
