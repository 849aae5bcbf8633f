//! Handing the unit to a new owner (`POST /serials/{id}/owner` with `If-Match`):
//! the customer found by search, from a day on, with a note.

use aftersales_api_types::customers::CustomerDto;
use aftersales_api_types::problem::Problem;
use aftersales_api_types::serial_records::ChangeOwner;
use aftersales_api_types::serials::SerialUnitDto;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Reload;
use super::fields::{CustomerPick, DateField, TextField, browser_error, day_text, read_day};
use crate::api;
use crate::components::problem::browser_problem_of;
use crate::components::screen::{form_problem, opt};
use crate::components::toast::use_toasts;
use crate::i18n::date::today;
use crate::i18n::{t, use_i18n};
use crate::session::use_session;

#[component]
pub fn ChangeOwnerForm(unit: SerialUnitDto, on_close: Callback<()>) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let toasts = use_toasts();
    let reload = expect_context::<Reload>();
    let (id, version) = (unit.id, unit.version);
    let chosen = RwSignal::new(None::<CustomerDto>);
    let from = RwSignal::new(day_text(&i18n, Some(today())));
    let note = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = Vec::new();
        let customer = chosen.get_untracked();
        if customer.is_none() {
            found.push(browser_error("customer_id", "serials.error.customer_required"));
        }
        let from_date = read_day(&i18n, &from.get_untracked(), "from_date", &mut found);
        if from_date.is_none() && !found.iter().any(|e| e.field == "from_date") {
            found.push(browser_error("from_date", "serials.error.date_required"));
        }
        let (Some(customer), Some(from_date), true) = (customer, from_date, found.is_empty()) else {
            problem.set(Some(browser_problem_of(found)));
            return;
        };
        let body = ChangeOwner { customer_id: customer.id, from_date, note: opt(&note.get_untracked()) };
        problem.set(None);
        busy.set(true);
        spawn_local(async move {
            match api::serials::change_owner(session, id, version, &body).await {
                Ok(_) => {
                    toasts.show(i18n.format("serials.owner_changed", &[("name", &customer.name)]));
                    reload.changed();
                }
                Err(mut e) => {
                    if e.problem.status == 412 {
                        e.problem.detail = Some(i18n.text("serials.conflict_reload").to_owned());
                    }
                    problem.try_set(Some(e.problem));
                }
            }
            busy.try_set(false);
        });
    };
    view! {
        <form id="serial-owner-form" class="card registry-form" on:submit=submit novalidate>
            <h3>{t("serials.owner_title")}</h3>
            {form_problem(problem, "serial-owner-problem")}
            <div class="form-grid">
                <CustomerPick id="serial-owner-customer" chosen problem field="customer_id" />
                <DateField id="serial-owner-from" field="from_date" label="serials.owner_from" value=from problem />
                <TextField id="serial-owner-note" field="note" label="serials.owner_note" value=note problem maxlength=400 />
            </div>
            <div class="form-actions">
                <button id="serial-owner-submit" type="submit" class="button primary" disabled=move || busy.get()>
                    {move || i18n.text(if busy.get() { "serials.saving" } else { "serials.owner_save" })}
                </button>
                <button id="serial-owner-cancel" type="button" class="button secondary" on:click=move |_| on_close.run(())>
                    {t("serials.cancel")}
                </button>
            </div>
        </form>
    }
}
