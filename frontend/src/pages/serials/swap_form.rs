//! Recording a component replaced in a unit (`POST /serials/{id}/component-swaps`):
//! which component of the model, the old and new part's serials, when, by which
//! ticket or document, and for how many days the new part is guaranteed.

use aftersales_api_types::problem::Problem;
use aftersales_api_types::serial_records::RecordSwap;
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use super::Reload;
use super::fields::{DateField, TextField, browser_error, day_text, read_day};
use crate::api;
use crate::components::problem::{FieldErrors, browser_problem_of, names_field};
use crate::components::screen::{form_problem, opt};
use crate::components::toast::use_toasts;
use crate::i18n::date::today;
use crate::i18n::{t, use_i18n};
use crate::session::use_session;

#[component]
pub fn RecordSwapForm(unit_id: Uuid, model_id: Uuid, on_close: Callback<()>) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let toasts = use_toasts();
    let reload = expect_context::<Reload>();
    let component = RwSignal::new(String::new());
    let old_serial = RwSignal::new(String::new());
    let new_serial = RwSignal::new(String::new());
    let swapped = RwSignal::new(day_text(&i18n, Some(today())));
    let reference = RwSignal::new(String::new());
    let days = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let errors: Signal<Option<Problem>> = problem.into();
    let busy = RwSignal::new(false);
    let components = LocalResource::new(move || api::serials::components(session, model_id));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = Vec::new();
        let code = component.get_untracked();
        if code.is_empty() {
            found.push(browser_error("component_code", "serials.error.component_required"));
        }
        let swapped_on = read_day(&i18n, &swapped.get_untracked(), "swapped_on", &mut found);
        if swapped_on.is_none() && !found.iter().any(|e| e.field == "swapped_on") {
            found.push(browser_error("swapped_on", "serials.error.date_required"));
        }
        let number = reference.get_untracked().trim().to_owned();
        if number.is_empty() {
            found.push(browser_error("reference", "serials.error.reference_required"));
        }
        let typed_days = days.get_untracked();
        let warranty_days = match typed_days.trim() {
            "" => None,
            text => match crate::i18n::number::latin_digits(text).parse::<u32>() {
                Ok(n) if n <= 3650 => Some(n),
                _ => {
                    found.push(browser_error("warranty_days", "serials.error.days"));
                    None
                }
            },
        };
        let (Some(swapped_on), true) = (swapped_on, found.is_empty()) else {
            problem.set(Some(browser_problem_of(found)));
            return;
        };
        let body = RecordSwap {
            component_code: code,
            old_part_serial: opt(&old_serial.get_untracked()),
            new_part_serial: opt(&new_serial.get_untracked()),
            swapped_on,
            reference: number,
            warranty_days,
        };
        problem.set(None);
        busy.set(true);
        spawn_local(async move {
            match api::serials::record_swap(session, unit_id, &body).await {
                Ok(swap) => {
                    toasts.show(i18n.format("serials.swap_recorded", &[("component", &swap.component_code)]));
                    reload.changed();
                }
                Err(e) => {
                    problem.try_set(Some(e.problem));
                }
            }
            busy.try_set(false);
        });
    };
    let options = move || {
        components.get().map(|answer| {
            answer
                .unwrap_or_default()
                .into_iter()
                .map(|c| {
                    let label = format!("{} ({})", c.name, c.code);
                    view! { <option value=c.code.clone()>{label}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <form id="serial-swap-form" class="card registry-form" on:submit=submit novalidate>
            <h3>{t("serials.swap_title")}</h3>
            {form_problem(problem, "serial-swap-problem")}
            <div class="form-grid">
                <div class="field">
                    <label for="serial-swap-component">{t("serials.swap.component")}</label>
                    <select id="serial-swap-component" on:change=move |ev| component.set(event_target_value(&ev))
                        aria-invalid=move || problem.with(|p| names_field(p.as_ref(), "component_code")).to_string()
                        aria-describedby="serial-swap-component-error">
                        <option value="">{t("serials.pick")}</option>
                        {options}
                    </select>
                    <FieldErrors problem=errors field="component_code" id="serial-swap-component" />
                </div>
                <TextField id="serial-swap-old" field="old_part_serial" label="serials.swap_old" value=old_serial
                    problem maxlength=80 ltr=true />
                <TextField id="serial-swap-new" field="new_part_serial" label="serials.swap_new" value=new_serial
                    problem maxlength=80 ltr=true />
                <DateField id="serial-swap-date" field="swapped_on" label="serials.swap.date" value=swapped problem />
                <TextField id="serial-swap-reference" field="reference" label="serials.swap.reference" value=reference
                    problem maxlength=64 ltr=true />
                <div class="field">
                    <label for="serial-swap-days">{t("serials.swap.warranty_days")}</label>
                    <input id="serial-swap-days" type="text" inputmode="numeric" dir="ltr" maxlength="4" bind:value=days
                        aria-invalid=move || problem.with(|p| names_field(p.as_ref(), "warranty_days")).to_string()
                        aria-describedby="serial-swap-days-hint serial-swap-days-error" />
                    <small id="serial-swap-days-hint" class="muted">{t("serials.swap_days_hint")}</small>
                    <FieldErrors problem=errors field="warranty_days" id="serial-swap-days" />
                </div>
            </div>
            <div class="form-actions">
                <button id="serial-swap-submit" type="submit" class="button primary" disabled=move || busy.get()>
                    {move || i18n.text(if busy.get() { "serials.saving" } else { "serials.swap_save" })}
                </button>
                <button id="serial-swap-cancel" type="button" class="button secondary" on:click=move |_| on_close.run(())>
                    {t("serials.cancel")}
                </button>
            </div>
        </form>
    }
}
