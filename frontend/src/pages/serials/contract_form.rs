//! Adding an extended warranty or service contract to a unit
//! (`POST /serials/{id}/contracts`): number, kind, what it covers, when, and
//! optionally only some components of the model.

use aftersales_api_types::entitlement::ContractKind;
use aftersales_api_types::problem::Problem;
use aftersales_api_types::serial_records::AddContract;
use aftersales_api_types::warranty::Leg;
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use super::Reload;
use super::fields::{DateField, TextField, browser_error, read_day};
use crate::api;
use crate::components::problem::{FieldErrors, browser_problem_of, names_field};
use crate::components::screen::form_problem;
use crate::components::toast::use_toasts;
use crate::components::warranty_decision::leg_key;
use crate::components::warranty_decision::reasons::contract_kind_key;
use crate::i18n::{t, use_i18n};
use crate::session::use_session;

const LEGS: [(Leg, &str); 3] = [(Leg::Parts, "parts"), (Leg::Labour, "labour"), (Leg::Travel, "travel")];

#[component]
pub fn AddContractForm(unit_id: Uuid, model_id: Uuid, on_close: Callback<()>) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let toasts = use_toasts();
    let reload = expect_context::<Reload>();
    let reference = RwSignal::new(String::new());
    let kind = RwSignal::new("extended_warranty".to_owned());
    let legs = RwSignal::new(vec![Leg::Parts, Leg::Labour]);
    let starts = RwSignal::new(String::new());
    let ends = RwSignal::new(String::new());
    let codes = RwSignal::new(Vec::<String>::new());
    let problem = RwSignal::new(None::<Problem>);
    let errors: Signal<Option<Problem>> = problem.into();
    let busy = RwSignal::new(false);
    let components = LocalResource::new(move || api::serials::components(session, model_id));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = Vec::new();
        let number = reference.get_untracked().trim().to_owned();
        if number.is_empty() {
            found.push(browser_error("reference", "serials.error.reference_required"));
        }
        let chosen_legs = legs.get_untracked();
        if chosen_legs.is_empty() {
            found.push(browser_error("legs", "serials.error.legs_required"));
        }
        let starts_on = read_day(&i18n, &starts.get_untracked(), "starts_on", &mut found);
        let ends_on = read_day(&i18n, &ends.get_untracked(), "ends_on", &mut found);
        for (day, field) in [(starts_on, "starts_on"), (ends_on, "ends_on")] {
            if day.is_none() && !found.iter().any(|e| e.field == field) {
                found.push(browser_error(field, "serials.error.date_required"));
            }
        }
        if let (Some(s), Some(e)) = (starts_on, ends_on)
            && e < s
        {
            found.push(browser_error("ends_on", "serials.error.ends_before_start"));
        }
        let (Some(starts_on), Some(ends_on), true) = (starts_on, ends_on, found.is_empty()) else {
            problem.set(Some(browser_problem_of(found)));
            return;
        };
        let kind = if kind.get_untracked() == "service_contract" {
            ContractKind::ServiceContract
        } else {
            ContractKind::ExtendedWarranty
        };
        let body = AddContract {
            reference: number,
            kind,
            legs: chosen_legs,
            starts_on,
            ends_on,
            component_codes: codes.get_untracked(),
        };
        problem.set(None);
        busy.set(true);
        spawn_local(async move {
            match api::serials::add_contract(session, unit_id, &body).await {
                Ok(contract) => {
                    toasts.show(i18n.format("serials.contract_added", &[("reference", &contract.reference)]));
                    reload.changed();
                }
                Err(e) => {
                    problem.try_set(Some(e.problem));
                }
            }
            busy.try_set(false);
        });
    };
    let leg_boxes = LEGS
        .into_iter()
        .map(|(leg, code)| {
            let id = format!("serial-contract-leg-{code}");
            view! {
                <div class="field check">
                    <input id=id.clone() type="checkbox" value=code
                        prop:checked=move || legs.with(|l| l.contains(&leg))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            legs.update(|l| {
                                l.retain(|x| *x != leg);
                                if on {
                                    l.push(leg);
                                }
                            });
                        } />
                    <label for=id>{t(leg_key(leg))}</label>
                </div>
            }
        })
        .collect_view();
    let component_boxes = move || {
        components.get().map(|answer| {
            answer
                .unwrap_or_default()
                .into_iter()
                .map(|c| {
                    let id = format!("serial-contract-component-{}", c.code);
                    let (mine, code) = (c.code.clone(), c.code.clone());
                    view! {
                        <div class="field check">
                            <input id=id.clone() type="checkbox" value=c.code.clone()
                                prop:checked=move || codes.with(|s| s.contains(&mine))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let code = code.clone();
                                    codes.update(|s| {
                                        s.retain(|x| *x != code);
                                        if on {
                                            s.push(code);
                                        }
                                    });
                                } />
                            <label for=id>{c.name}</label>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <form id="serial-contract-form" class="card registry-form" on:submit=submit novalidate>
            <h3>{t("serials.contract_title")}</h3>
            {form_problem(problem, "serial-contract-problem")}
            <div class="form-grid">
                <TextField id="serial-contract-reference" field="reference" label="serials.contract_reference"
                    value=reference problem maxlength=64 ltr=true />
                <div class="field">
                    <label for="serial-contract-kind">{t("serials.contract_kind")}</label>
                    <select id="serial-contract-kind" bind:value=kind>
                        <option value="extended_warranty">{t(contract_kind_key(ContractKind::ExtendedWarranty))}</option>
                        <option value="service_contract">{t(contract_kind_key(ContractKind::ServiceContract))}</option>
                    </select>
                </div>
                <DateField id="serial-contract-starts" field="starts_on" label="serials.contract_starts" value=starts problem />
                <DateField id="serial-contract-ends" field="ends_on" label="serials.contract_ends" value=ends problem />
                <fieldset class="wide settings-checks" aria-invalid=move || problem.with(|p| names_field(p.as_ref(), "legs")).to_string()>
                    <legend>{t("serials.contract_legs")}</legend>
                    {leg_boxes}
                    <FieldErrors problem=errors field="legs" id="serial-contract-legs" />
                </fieldset>
                <fieldset class="wide settings-checks">
                    <legend>{t("serials.contract_components")}</legend>
                    <p class="hint muted">{t("serials.contract_components_hint")}</p>
                    {component_boxes}
                    <FieldErrors problem=errors field="component_codes" id="serial-contract-components" />
                </fieldset>
            </div>
            <div class="form-actions">
                <button id="serial-contract-submit" type="submit" class="button primary" disabled=move || busy.get()>
                    {move || i18n.text(if busy.get() { "serials.saving" } else { "serials.contract_save" })}
                </button>
                <button id="serial-contract-cancel" type="button" class="button secondary" on:click=move |_| on_close.run(())>
                    {t("serials.cancel")}
                </button>
            </div>
        </form>
    }
}
