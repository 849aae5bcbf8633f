//! Changing a unit's facts (`PATCH /serials/{id}` with `If-Match`). When someone
//! changed the unit meanwhile (412), the form says so and shows the unit as it is
//! now, with its new version, to check and save again.

use aftersales_api_types::problem::Problem;
use aftersales_api_types::serials::SerialUnitDto;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Reload;
use super::facts::{FactsDraft, OtherFields, SaleFields};
use crate::api;
use crate::components::problem::browser_problem_of;
use crate::components::screen::form_problem;
use crate::components::toast::use_toasts;
use crate::i18n::{t, use_i18n};
use crate::session::use_session;
use crate::tr;

#[component]
pub fn EditFacts(unit: SerialUnitDto, on_close: Callback<()>) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let toasts = use_toasts();
    let reload = expect_context::<Reload>();
    let draft = FactsDraft::empty();
    draft.fill(&i18n, &unit);
    let id = unit.id;
    let version = RwSignal::new(unit.version);
    // The version the form was refilled with after a conflict.
    let conflict = RwSignal::new(None::<i64>);
    let problem = RwSignal::new(None::<Problem>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = Vec::new();
        let facts = draft.read(&i18n, &mut found);
        if !found.is_empty() {
            problem.set(Some(browser_problem_of(found)));
            return;
        }
        let body = facts.into_update();
        let read = version.get_untracked();
        problem.set(None);
        busy.set(true);
        spawn_local(async move {
            match api::serials::update(session, id, read, &body).await {
                Ok(unit) => {
                    toasts.show(i18n.format("serials.saved", &[("serial", &unit.serial)]));
                    reload.changed();
                }
                Err(e) if e.problem.status == 412 => match api::serials::get(session, id).await {
                    Ok(fresh) => {
                        draft.fill(&i18n, &fresh);
                        version.try_set(fresh.version);
                        conflict.try_set(Some(fresh.version));
                    }
                    Err(e) => {
                        problem.try_set(Some(e.problem));
                    }
                },
                Err(e) => {
                    problem.try_set(Some(e.problem));
                }
            }
            busy.try_set(false);
        });
    };
    let conflict_note = move || {
        conflict.get().map(|v| {
            view! {
                <div id="serial-edit-conflict" class="alert" role="alert" data-version=v.to_string()>
                    <p class="problem-title">{t("serials.conflict_title")}</p>
                    <p>{tr!("serials.conflict_detail", version = i18n.number(v))}</p>
                </div>
            }
        })
    };
    view! {
        <form id="serial-edit-form" class="card registry-form" on:submit=submit novalidate
            data-version=move || version.get().to_string()>
            <h3>{t("serials.edit_title")}</h3>
            {conflict_note}
            {form_problem(problem, "serial-edit-problem")}
            <div class="form-grid">
                <SaleFields draft problem />
                <OtherFields draft problem />
            </div>
            <div class="form-actions">
                <button id="serial-edit-submit" type="submit" class="button primary" disabled=move || busy.get()>
                    {move || i18n.text(if busy.get() { "serials.saving" } else { "serials.save" })}
                </button>
                <button id="serial-edit-cancel" type="button" class="button secondary" on:click=move |_| on_close.run(())>
                    {t("serials.cancel")}
                </button>
            </div>
        </form>
    }
}
